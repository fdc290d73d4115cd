// Guarantee: after PostgreSQL comes back, a pool connection that fails to reconnect on a request's
// query (refused while the server starts, a connect that timed out) does not cost that request a
// 503: a statement that never reached the server is sent once more. One that may have run (a reset
// or closed connection, a server that ended it) is never sent twice, nor is a transaction whose
// callback began, nor anything inside a transaction.
import type { Sql } from "postgres";
import { describe, expect, it, vi } from "vitest";
import { preparingEveryStatement } from "@/lib/db/pool-statements";
import { neverReachedTheServer } from "@/lib/db/errors";

const refused = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED", syscall: "connect" });
const reset = () => Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET", syscall: "read" });

/** A pending query as postgres.js makes one: sent when awaited, `.values()` marks rows as arrays. */
function pending(outcome: () => unknown, sent: string[]) {
  let mode = "rows";
  const query = {
    values() {
      mode = "values";
      return query;
    },
    then(fulfilled: (v: unknown) => unknown, rejected: (e: unknown) => unknown) {
      sent.push(mode);
      return new Promise((resolve) => resolve(outcome())).then(fulfilled, rejected);
    },
  };
  return query;
}

/** A stand-in for postgres.js's Sql whose queries fail as `outcomes` says, in turn. */
function fakeSql(outcomes: (() => unknown)[]) {
  const sent: string[] = [];
  let next = 0;
  const take = () => outcomes[Math.min(next++, outcomes.length - 1)]!();
  const sql = {
    unsafe: vi.fn(() => pending(take, sent)),
    begin: vi.fn(async (callback: (tx: unknown) => unknown) => {
      take();
      return callback(fakeTx);
    }),
  };
  const fakeTx = { unsafe: vi.fn(() => pending(take, sent)) };
  return { sql: sql as unknown as Sql, sent, raw: sql, tx: fakeTx };
}

describe("neverReachedTheServer", () => {
  it.each([
    ["refused at connect", refused()],
    ["timed out at connect", Object.assign(new Error("t"), { code: "ETIMEDOUT", syscall: "connect" })],
    ["postgres.js's connect timeout", Object.assign(new Error("t"), { code: "CONNECT_TIMEOUT" })],
    ["a name that did not resolve", Object.assign(new Error("t"), { code: "EAI_AGAIN" })],
    ["the server starting up (57P03)", Object.assign(new Error("t"), { code: "57P03" })],
    ["too many connections (53300)", Object.assign(new Error("t"), { code: "53300" })],
  ])("%s: never sent", (_, error) => {
    expect(neverReachedTheServer(error)).toBe(true);
  });

  it.each([
    ["reset mid-query", reset()],
    ["a timeout on an open connection", Object.assign(new Error("t"), { code: "ETIMEDOUT", syscall: "read" })],
    ["closed by the server (57P01)", Object.assign(new Error("t"), { code: "57P01" })],
    ["postgres.js's CONNECTION_CLOSED", Object.assign(new Error("t"), { code: "CONNECTION_CLOSED" })],
    ["a unique violation", Object.assign(new Error("t"), { code: "23505" })],
    ["not an error", "ECONNREFUSED"],
    ["nothing", null],
  ])("%s: may have run", (_, error) => {
    expect(neverReachedTheServer(error)).toBe(false);
  });
});

describe("the pool's statements", () => {
  it("a query refused at connect is sent once more and answers", async () => {
    const { sql, sent } = fakeSql([
      () => {
        throw refused();
      },
      () => [{ ok: 1 }],
    ]);
    await expect(preparingEveryStatement(sql).unsafe("select 1")).resolves.toEqual([{ ok: 1 }]);
    expect(sent).toEqual(["rows", "rows"]);
  });

  it("so is one asked for as arrays (drizzle's .values())", async () => {
    const { sql, sent } = fakeSql([
      () => {
        throw refused();
      },
      () => [[1]],
    ]);
    await expect(preparingEveryStatement(sql).unsafe("select 1").values()).resolves.toEqual([[1]]);
    expect(sent).toEqual(["values", "values"]);
  });

  it("every statement is prepared", async () => {
    const { sql, raw } = fakeSql([() => []]);
    await preparingEveryStatement(sql).unsafe("select $1", [1], { prepare: false });
    expect(raw.unsafe).toHaveBeenCalledWith("select $1", [1], { prepare: true });
  });

  it("while the server stays down, the second failure is the answer (one retry, no loop)", async () => {
    const { sql, sent } = fakeSql([
      () => {
        throw refused();
      },
    ]);
    await expect(preparingEveryStatement(sql).unsafe("select 1")).rejects.toMatchObject({ code: "ECONNREFUSED" });
    expect(sent).toHaveLength(2);
  });

  it("a statement that may have run (connection reset) is not sent again", async () => {
    const { sql, sent } = fakeSql([
      () => {
        throw reset();
      },
      () => [],
    ]);
    await expect(preparingEveryStatement(sql).unsafe("insert into t values (1)")).rejects.toMatchObject({ code: "ECONNRESET" });
    expect(sent).toHaveLength(1);
  });

  it("a transaction refused before its callback began is begun once more; its callback runs once", async () => {
    const { sql, raw } = fakeSql([
      () => {
        throw refused();
      },
      () => undefined,
    ]);
    const callback = vi.fn(async () => "committed");
    await expect(preparingEveryStatement(sql).begin(callback)).resolves.toBe("committed");
    expect(raw.begin).toHaveBeenCalledTimes(2);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it("a transaction whose callback began is not begun again, whatever its failure", async () => {
    const { sql, raw } = fakeSql([() => undefined]);
    const callback = vi.fn(async () => {
      throw refused();
    });
    await expect(preparingEveryStatement(sql).begin(callback)).rejects.toMatchObject({ code: "ECONNREFUSED" });
    expect(raw.begin).toHaveBeenCalledTimes(1);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it("inside a transaction nothing is retried", async () => {
    const { sql, tx } = fakeSql([
      () => undefined,
      () => {
        throw refused();
      },
      () => [],
    ]);
    await expect(preparingEveryStatement(sql).begin(async (t) => t.unsafe("select 1"))).rejects.toMatchObject({ code: "ECONNREFUSED" });
    expect(tx.unsafe).toHaveBeenCalledTimes(1);
  });
});
