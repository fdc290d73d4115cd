/** Request header proxy.ts sets to the path being served, so guards can build `?next=`. */
export const PATH_HEADER = "x-gatehouse-path";
