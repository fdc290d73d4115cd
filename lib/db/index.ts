export { getDb, closeDb, databaseDriver, type Database, type Queryable, type Tx } from "./client";
export { preparedFor } from "./prepared";
export * as tables from "@/drizzle/schema";
