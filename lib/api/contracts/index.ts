import { loginGet, loginPost, logoutPost, meGet } from "./login";
import type { Contract } from "./shared";

/** Every endpoint of the JSON API, in the order the OpenAPI document lists them. */
export const CONTRACTS: readonly Contract[] = [loginGet, loginPost, logoutPost, meGet];
