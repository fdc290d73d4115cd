/**
 * The permissions the admin console checks (issue #14's route rules), named once: the route
 * table, the console's actions and the grant to the admin role all read these. They follow the
 * roles module's `resource:action` convention. They live in the core, beside the route table that
 * names them, so every layer above may import them.
 */
export const USERS_READ = "users:read";
export const USERS_WRITE = "users:write";
export const ROLES_WRITE = "roles:write";
export const USERS_IMPERSONATE = "users:impersonate";

/** What the default admin role (SECURITY_ADMIN_ROLE) holds: everything the console can do. */
export const CONSOLE_PERMISSIONS: readonly string[] = [USERS_READ, USERS_WRITE, ROLES_WRITE, USERS_IMPERSONATE];
