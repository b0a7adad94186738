"""Permission rules the apps' admin lists share."""

from wagtail.permissions import ModelPermissionPolicy


class RecordedOnlyPermissionPolicy(ModelPermissionPolicy):
    """For what families send (registrations, feedback): nothing of it without the model's `view` permission,
    and never added, edited or copied in the admin. A user who may view the rows may also delete one (erasing
    a family's data on request) when they have the model's `delete` permission."""

    never = frozenset({"add", "change", "copy", "publish", "unpublish", "lock", "unlock"})

    def user_has_permission(self, user, action):
        if action in self.never:
            return False
        return user.has_perm(self._get_permission_name("view")) and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action not in self.never]
        viewers = super().users_with_any_permission(["view"])
        if not actions:
            return viewers.none()
        return super().users_with_any_permission(actions).filter(pk__in=viewers.values("pk"))
