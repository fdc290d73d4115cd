// Threat: a user who lost their second factor asks for help and nobody sees it, or asks fifty times and
// floods the admin's mailbox; an admin resets the wrong person, or two admins handle one request twice.
// Guarantee: each request is stored, one open per account (one mail), and a reset or dismissal resolves it once.
import { describe, expect, it } from "vitest";
import { findOpenRescueRequest, listOpenRescueRequests, resolveRescueRequest } from "@/lib/security/accounts/rescue-requests";
import { resetAccessFromRescue } from "@/lib/security/lifecycle/rescue-reset";
import { rescueAskForHelp } from "@/lib/security/sign-in/second-factor-steps";
import { getTwoFactor } from "@/lib/security/codes/store";
import { account, eventData } from "../support/datastore";
import { mailsTo, newCtx, registerConfirmed, uniqueEmail, withEnvForTheFile } from "../support/flows";
import { passwordStep, saveMethod } from "../support/two-factor";

const DESK = uniqueEmail("desk");
withEnvForTheFile({ SECURITY_TWO_FACTOR_RESCUE_MAIL: DESK });

async function askingUser(tag: string): Promise<{ id: string; email: string; pendingToken: string }> {
  const email = uniqueEmail(tag);
  const user = await registerConfirmed(email);
  await saveMethod(user.id, "authenticator");
  const { pendingToken } = await passwordStep(email);
  return { id: user.id, email, pendingToken };
}

const openFor = async (userId: string) => (await listOpenRescueRequests(500)).filter((r) => r.userId === userId);

describe("the rescue queue", () => {
  it("stores a help request with the requester's recent activity, and mails the admin once however often they ask", async () => {
    const asker = await askingUser("asker");
    const before = (await mailsTo(DESK)).length;
    expect(await rescueAskForHelp(asker.pendingToken, newCtx())).toEqual({ ok: true });
    // Asking again, and three times at once: the same open request, counted, no more mail.
    expect(await rescueAskForHelp(asker.pendingToken, newCtx())).toEqual({ ok: true });
    await Promise.all([1, 2, 3].map(() => rescueAskForHelp(asker.pendingToken, newCtx())));
    const open = await openFor(asker.id);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ email: asker.email, timesAsked: 5 });
    expect(open[0]!.recentActivity.map((e) => e.type)).toContain("tf_rescue_requested");
    expect((await mailsTo(DESK)).filter((m) => m.text?.includes(asker.email))).toHaveLength(1);
    expect((await mailsTo(DESK)).length - before).toBe(1);
    // The per-user budget still holds: a sixth ask inside the window is refused.
    expect(await rescueAskForHelp(asker.pendingToken, newCtx())).toMatchObject({ ok: false, code: "RATE_LIMITED" });
  });

  it("reset access from the queue removes the requester's two-factor and takes the request out; a second try is refused", async () => {
    const asker = await askingUser("reset");
    const admin = await account("rescuer");
    await rescueAskForHelp(asker.pendingToken, newCtx());
    const [request] = await openFor(asker.id);
    expect(await getTwoFactor(asker.id)).not.toBeNull();
    expect(await resetAccessFromRescue(request!.id, { actorId: admin.id })).toMatchObject({ ok: true, userId: asker.id, twoFactor: 1 });
    expect(await getTwoFactor(asker.id)).toBeNull();
    expect(await openFor(asker.id)).toEqual([]);
    expect(await findOpenRescueRequest(request!.id)).toBeNull();
    expect(await resetAccessFromRescue(request!.id, { actorId: admin.id })).toMatchObject({ ok: false, code: "RESCUE_REQUEST_NOT_FOUND" });
    expect(await eventData(asker.id, "access_reset")).toHaveLength(1);
    expect((await eventData(admin.id, "admin_action")).map((d) => d.action)).toContain("access_reset");
  });

  it("a dismissal resolves once under a race, is logged on both accounts, and the next ask opens a new request", async () => {
    const asker = await askingUser("dismiss");
    const admin = await account("dismisser");
    await rescueAskForHelp(asker.pendingToken, newCtx());
    const [request] = await openFor(asker.id);
    const both = await Promise.all([resolveRescueRequest(request!.id, "dismissed", { actorId: admin.id }), resolveRescueRequest(request!.id, "dismissed")]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toMatchObject({ code: "RESCUE_REQUEST_NOT_FOUND" });
    expect(await eventData(asker.id, "rescue_request_dismissed")).toHaveLength(1);
    expect(await resolveRescueRequest("not-a-uuid", "dismissed")).toMatchObject({ ok: false, code: "RESCUE_REQUEST_NOT_FOUND" });
    await rescueAskForHelp(asker.pendingToken, newCtx());
    const again = await openFor(asker.id);
    expect(again).toHaveLength(1);
    expect(again[0]!.id).not.toBe(request!.id);
  });
});
