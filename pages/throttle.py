"""Rate limits for public forms, counted in the shared cache so that every app server sees the same counts.

A limit is a number of hits per window (seconds) for one scope: per client (`allow`, keyed on a hash of the
client's address, never the address itself) or for the whole site (`allow_overall`). The count is a cache
key that expires with its window; `cache.add` then `cache.incr` are atomic in Redis and in local memory.
The client's address is REMOTE_ADDR, or, behind KOHTAAMO_TRUSTED_PROXIES proxies, the address the nearest
trusted proxy saw (X-Forwarded-For read from the right, so a visitor cannot choose it).
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render


@dataclass(frozen=True)
class Limit:
    hits: int
    seconds: int


def client_address(request) -> str:
    proxies = getattr(settings, "KOHTAAMO_TRUSTED_PROXIES", 0)
    if proxies:
        forwarded = [part.strip() for part in request.headers.get("x-forwarded-for", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _client_key(request) -> str:
    digest = hashlib.blake2b(client_address(request).encode(), key=settings.SECRET_KEY.encode()[:64], digest_size=12)
    return digest.hexdigest()


def _hit(key: str, limit: Limit) -> bool:
    if cache.add(key, 1, timeout=limit.seconds):
        return limit.hits >= 1
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=limit.seconds)
        count = 1
    return count <= limit.hits


def allow(request, scope: str, limit: Limit) -> bool:
    """Counts one hit of this client in `scope`; False once it has had `limit.hits` within the window."""
    return _hit(f"throttle:{scope}:{_client_key(request)}", limit)


def allow_overall(scope: str, limit: Limit) -> bool:
    """Counts one hit in `scope` whoever sends it; False once the site has had `limit.hits` within the window."""
    return _hit(f"throttle:{scope}:all", limit)


def exceeded(request, scope: str, limit: Limit) -> bool:
    """Whether this client has gone over `limit` in `scope`, without counting a hit (for limits that count
    only failures but stop every try once over)."""
    return (cache.get(f"throttle:{scope}:{_client_key(request)}") or 0) > limit.hits


def exceeded_overall(scope: str, limit: Limit) -> bool:
    return (cache.get(f"throttle:{scope}:all") or 0) > limit.hits


def exceeded_either(request, scope: str, per_client: Limit, overall: Limit) -> Limit | None:
    """`exceeded` and `exceeded_overall` in one read of the shared cache (for a check made on every request):
    the limit this client or the whole site has gone over in `scope`, if any."""
    client_key, site_key = f"throttle:{scope}:{_client_key(request)}", f"throttle:{scope}:all"
    counts = cache.get_many([client_key, site_key])
    if (counts.get(client_key) or 0) > per_client.hits:
        return per_client
    if (counts.get(site_key) or 0) > overall.hits:
        return overall
    return None


def too_many_requests(request, limit: Limit, *, overall: bool = False):
    """The 429 page in the reader's language: what happened (from this connection, or on the whole site) and
    when to try again."""
    minutes = max(1, round(limit.seconds / 60))
    response = render(request, "429.html", {"minutes": minutes, "overall": overall}, status=429)
    response["Retry-After"] = str(limit.seconds)
    return response
