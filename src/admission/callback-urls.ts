/**
 * Whether Apollo Router's subscription callback may go to `target` (SUBSCRIPTION_CALLBACK_URLS).
 * Both sides are parsed as URLs, never compared as strings: the scheme is http or https, there is
 * no userinfo (`http://allowed@evil/` names the host `evil`), the origin is one of the allowed
 * origins exactly, and the path is inside the allowed path (at a segment boundary). An entry whose
 * port is `*` (or empty: `http://127.0.0.1:`) allows any port of that host, for local routers.
 */
export function callbackUrlAllowed(target: string, allowed: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return false;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return false;
  return allowed.some((entry) => {
    const anyPort = /^(https?:\/\/[^/:@]+):\*?(\/.*)?$/.exec(entry);
    let base: URL;
    try {
      base = new URL(anyPort ? `${anyPort[1]}${anyPort[2] ?? '/'}` : entry);
    } catch {
      return false;
    }
    if (base.username || base.password) return false;
    const sameOrigin = anyPort
      ? base.protocol === url.protocol && base.hostname === url.hostname
      : base.origin === url.origin;
    if (!sameOrigin) return false;
    const prefix = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
    return url.pathname === base.pathname || url.pathname.startsWith(prefix);
  });
}
