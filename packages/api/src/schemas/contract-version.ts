/**
 * The version of the HTTP contract (DOMAIN.md section 6) this package implements, served by `GET /api/dataset`.
 * Bumped on any change a client could notice: a route, a parameter, a field or an error body.
 */
export const CONTRACT_VERSION = '1.0.0';
