/** Each import cycle among root's application modules, as the sorted paths (relative to root) of the modules on it. */
export function importCycles(root: string): string[][];
/** Each application module with what it imports at run time: the modules (relative to root) and the packages. */
export function importGraph(root: string): Map<string, { modules: string[]; packages: string[] }>;
