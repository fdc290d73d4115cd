/**
 * The permissions the admin console checks (the route table and its actions), in the documented
 * `resource:action` form. The administrator role is created with all of them (`users create --admin`);
 * another role can be given a subset (a support desk with `users:read` only).
 */
export const CONSOLE_PERMISSIONS = {
  usersRead: "users:read",
  usersWrite: "users:write",
  rolesWrite: "roles:write",
  usersImpersonate: "users:impersonate",
} as const;

/** Every console permission, for the administrator role. */
export const ADMIN_ROLE_PERMISSIONS: readonly string[] = Object.values(CONSOLE_PERMISSIONS);
