export * from "./users";
export * from "./sessions";
export * from "./tokens";
export * from "./platform";
export * from "./two-factor";
export * from "./passkeys";
export * from "./sign-in-methods";
export * from "./auth-tokens";
