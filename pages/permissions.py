"""Permission rules the apps' admin lists share."""

from django.core.exceptions import PermissionDenied
from wagtail.permissions import ModelPermissionPolicy
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction


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


class ListedOnlyDeleteBulkAction(DeleteBulkAction):
    """Wagtail's bulk delete for a snippet model (subclass it with `models = [Model]`), refused before any row is
    listed to a user who may not see the model's list (its viewset's permission policy): Wagtail's own lists the
    chosen rows to anyone in the admin, even those it will not let delete them."""

    def dispatch(self, request, *args, **kwargs):
        policy = self.model.snippet_viewset.permission_policy
        if not policy.user_has_any_permission(request.user, ["add", "change", "delete", "view"]):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def check_perm(self, snippet):
        return self.model.snippet_viewset.permission_policy.user_has_permission(self.request.user, "delete")
