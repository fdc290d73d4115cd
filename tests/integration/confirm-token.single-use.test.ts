// Threat: a confirmation link is replayed, forged, used after it expired or after the address
// changed, or the resend form reveals accounts. Guarantee: one use, bound to the address, generic.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { confirmEmail, resendConfirmation } from "@/lib/security/accounts/confirmation";
import { registerUser } from "@/lib/security/registration/register";
import { expireTokenFor, extractLink, latestMail, mailsTo, newCtx, registerConfirmed, STRONG_PASSWORD, uniqueEmail, userByEmail } from "../support/flows";

async function registerAndGetToken(email: string): Promise<string> {
  const result = await registerUser({ email, password: STRONG_PASSWORD }, newCtx());
  expect(result).toMatchObject({ ok: true, status: "confirm-sent" });
  const mail = await latestMail(email);
  expect(mail?.subject).toBe("Gatehouse: Welcome");
  return extractLink(mail?.text ?? "", "/confirm/");
}

describe("confirmEmail", () => {
  it("confirms once from the welcome mail; a second use is ALREADY_CONFIRMED", async () => {
    const email = uniqueEmail();
    const token = await registerAndGetToken(email);
    expect((await userByEmail(email)).confirmedAt).toBeNull();

    const first = await confirmEmail(token, newCtx());
    expect(first.ok).toBe(true);
    expect((await userByEmail(email)).confirmedAt).toBeInstanceOf(Date);

    expect(await confirmEmail(token, newCtx())).toMatchObject({ ok: false, code: "ALREADY_CONFIRMED" });
  });

  it("refuses an expired link with CONFIRMATION_EXPIRED and leaves the account unconfirmed", async () => {
    const email = uniqueEmail();
    const token = await registerAndGetToken(email);
    const user = await userByEmail(email);
    await expireTokenFor(user.id, "confirm");
    expect(await confirmEmail(token, newCtx())).toMatchObject({ ok: false, code: "CONFIRMATION_EXPIRED" });
    expect((await userByEmail(email)).confirmedAt).toBeNull();
  });

  it.each([
    ["empty", ""],
    ["one character short", "x".repeat(42)],
    ["one character long", "x".repeat(44)],
    ["a 1 MB string", "A".repeat(1024 * 1024)],
    ["unicode of the right length", "é".repeat(43)],
    ["emoji", "🔑".repeat(43)],
    ["path traversal", "../../../../etc/passwd"],
    ["SQL", "' OR 1=1 --"],
    ["NUL bytes", "\u0000".repeat(43)],
    ["a lone surrogate", "\uD800".repeat(43)],
    ["well formed but never issued", "A".repeat(43)],
  ])("refuses %s as INVALID_CONFIRMATION_TOKEN without throwing", async (_label, token) => {
    await expect(confirmEmail(token, newCtx())).resolves.toMatchObject({ ok: false, code: "INVALID_CONFIRMATION_TOKEN" });
  });

  it("refuses a real token with one character changed", async () => {
    const email = uniqueEmail();
    const token = await registerAndGetToken(email);
    const tampered = (token[0] === "A" ? "B" : "A") + token.slice(1);
    expect(await confirmEmail(tampered, newCtx())).toMatchObject({ ok: false, code: "INVALID_CONFIRMATION_TOKEN" });
    // The genuine one still works: the tampered attempt did not consume it.
    expect((await confirmEmail(token, newCtx())).ok).toBe(true);
  });

  it("refuses a token issued before the account's address changed", async () => {
    const email = uniqueEmail();
    const token = await registerAndGetToken(email);
    const user = await userByEmail(email);
    const changed = uniqueEmail("changed");
    const db = await getDb();
    await db.update(tables.users).set({ email: changed, emailNormalized: changed }).where(eq(tables.users.id, user.id));

    expect(await confirmEmail(token, newCtx())).toMatchObject({ ok: false, code: "INVALID_CONFIRMATION_TOKEN" });
    expect((await userByEmail(changed)).confirmedAt).toBeNull();
  });
});

describe("resendConfirmation", () => {
  it("answers unknown, confirmed and unconfirmed addresses alike; only the unconfirmed one gets mail", async () => {
    const unknown = uniqueEmail("unknown");
    const confirmed = uniqueEmail("confirmed");
    const unconfirmed = uniqueEmail("unconfirmed");
    await registerConfirmed(confirmed);
    const firstToken = await registerAndGetToken(unconfirmed);
    const confirmedMailsBefore = (await mailsTo(confirmed)).length;
    const unconfirmedMailsBefore = (await mailsTo(unconfirmed)).length;

    const results = [
      await resendConfirmation(unknown, newCtx()),
      await resendConfirmation(confirmed, newCtx()),
      await resendConfirmation(unconfirmed, newCtx()),
    ];
    for (const r of results) expect(r).toEqual({ ok: true });

    expect(await mailsTo(unknown)).toHaveLength(0);
    expect(await mailsTo(confirmed)).toHaveLength(confirmedMailsBefore);
    const unconfirmedMails = await mailsTo(unconfirmed);
    expect(unconfirmedMails).toHaveLength(unconfirmedMailsBefore + 1);
    const resent = extractLink(unconfirmedMails[0]?.text ?? "", "/confirm/");
    expect(resent).not.toBe(firstToken);
    expect((await confirmEmail(resent, newCtx())).ok).toBe(true);
    expect((await userByEmail(unconfirmed)).confirmedAt).toBeInstanceOf(Date);
  });
});
