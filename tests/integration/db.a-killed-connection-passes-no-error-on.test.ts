// Guarantee: when PostgreSQL ends a connection while a statement runs on it (a restart, a
// fail-over, pg_terminate_backend: FATAL 57P01), only that statement fails. postgres.js 3.4.9 kept
// the server's error response with the dead socket and handed it to the first statement sent after
// the connection came back — a sign-in 5 s after PostgreSQL's return got a 503 for an error of the
// outage (CI, 2026-12-04). patches/postgres+3.4.9.patch makes it forget that error with the socket;
// without the patch the second statement in each test below fails with 57P01.
import postgres from "postgres";
import { afterEach, describe, expect, it } from "vitest";

const url = process.env.DATABASE_URL;
const open: postgres.Sql[] = [];

function client(): postgres.Sql {
  // One connection, so the statement after the kill is sent on the connection that was killed.
  const sql = postgres(url!, { max: 1, onnotice: () => {} });
  open.push(sql);
  return sql;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((sql) => sql.end({ timeout: 1 })));
});

/** Starts a slow statement on `sql`'s one connection and has another session end that connection under it. */
async function killedUnderAStatement(sql: postgres.Sql): Promise<{ code?: string }> {
  const [backend] = await sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
  const pid = backend!.pid;
  const running = sql`select pg_sleep(5)`.then(
    () => ({ code: "finished" }),
    (error: { code?: string }) => error,
  );
  const admin = client();
  // Ended once the sleep has started on the server, so the FATAL arrives while a statement runs.
  for (let i = 0; i < 100; i++) {
    const [row] = await admin<{ active: boolean }[]>`select state = 'active' as active from pg_stat_activity where pid = ${pid}`;
    if (row?.active) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await admin`select pg_terminate_backend(${pid})`;
  return running;
}

describe.skipIf(!url)("a connection PostgreSQL ended under a statement", () => {
  it("fails that statement only: the next one, on the reconnected connection, runs", async () => {
    const sql = client();
    const killed = await killedUnderAStatement(sql);
    expect(killed.code, "the statement that was running fails").not.toBe("finished");
    const [row] = await sql<{ one: number }[]>`select 1 as one`;
    expect(row).toEqual({ one: 1 });
  });

  it("so does a prepared statement sent as drizzle sends it (unsafe, prepare: true), and a transaction", async () => {
    const sql = client();
    await killedUnderAStatement(sql);
    expect(await sql.unsafe("select $1::int as n", [7], { prepare: true })).toEqual([{ n: 7 }]);
    await killedUnderAStatement(sql);
    const inTransaction = await sql.begin(async (tx) => tx`select 2 as two`);
    expect(inTransaction).toEqual([{ two: 2 }]);
  });
});
