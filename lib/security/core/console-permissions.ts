/**
 * The permissions the admin console checks (issue #14's route rules), named once: the route
 * table, the console's actions and the grant to the admin role all read these. They follow the
 * roles module's `resource:action` convention. They live in the core, beside the route table that
 * names them, so every layer above may import them.
 */
import { CONSOLE_PERMISSION_NAMES } from "../config/values";

// The strings are listed in the config (it checks SECURITY_ADMIN_ROLE_PERMISSIONS against them).
export const [USERS_READ, USERS_WRITE, ROLES_WRITE, USERS_IMPERSONATE] = CONSOLE_PERMISSION_NAMES;

/**
 * Everything the console can do: what the default admin role (SECURITY_ADMIN_ROLE) holds unless
 * SECURITY_ADMIN_ROLE_PERMISSIONS names fewer (decision 053).
 */
export const CONSOLE_PERMISSIONS: readonly string[] = CONSOLE_PERMISSION_NAMES;
