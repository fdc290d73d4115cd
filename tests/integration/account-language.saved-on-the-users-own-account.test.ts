// Threat: the language setting is a write: junk stored (and rendered into every page's <html lang>
// and every email), or an error instead of a refusal.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { registerConfirmed, uniqueEmail } from "../support/flows";
import { getDb, tables } from "@/lib/db";
import { setUserLocale } from "@/lib/security/accounts/locale";

let me: { id: string };
let other: { id: string };

beforeAll(async () => {
  me = await registerConfirmed(uniqueEmail("lang-me"));
  other = await registerConfirmed(uniqueEmail("lang-other"));
});

async function localeOf(userId: string): Promise<string | null> {
  const [row] = await (
    await getDb()
  )
    .select({ locale: tables.users.locale, chosen: tables.users.localeChosen })
    .from(tables.users)
    .where(eq(tables.users.id, userId));
  return row!.chosen ? row!.locale : `${row!.locale} (not chosen)`;
}

describe("setUserLocale", () => {
  it("stores a language Gatehouse ships as chosen, on that account only", async () => {
    const before = await localeOf(other.id);
    expect(before).toMatch(/not chosen/);
    expect(await setUserLocale(me.id, "ar")).toBe("ar");
    expect(await localeOf(me.id)).toBe("ar");
    expect(await localeOf(other.id)).toBe(before);
  });

  it.each([["xx"], ["de-DE"], [""], [null], [42], [["de"]], ["de\u0000"], ["x".repeat(10_000)], ["__proto__"]])(
    "refuses %j and writes nothing",
    async (value) => {
      await setUserLocale(me.id, "fr");
      expect(await setUserLocale(me.id, value)).toBeNull();
      expect(await localeOf(me.id)).toBe("fr");
    },
  );
});
