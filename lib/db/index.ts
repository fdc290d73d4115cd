export { getDb, closeDb, databaseDriver, type Database, type Queryable, type Tx } from "./client";
export * as tables from "@/drizzle/schema";
