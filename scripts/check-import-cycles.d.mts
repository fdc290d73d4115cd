/** Each import cycle among root's application modules, as the sorted paths (relative to root) of the modules on it. */
export function importCycles(root: string): string[][];
