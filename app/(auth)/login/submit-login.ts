import type { FormState } from "@/lib/view/form-state";
import type { LoginInput } from "@/lib/security/core/schemas";

/** What the browser says itself, in the page's language (the server's answers come translated). */
export interface SubmitWords {
  unreachable: string;
  unexpected: string;
}

/**
 * Sends the sign-in form to POST /login/session (see its route for why it is not a server
 * action). On success the browser loads the next page in full, so nothing rendered for the
 * signed-out visitor survives into the signed-in one; the promise then never settles and the
 * button stays pending while the page changes.
 */
export async function submitLogin(input: LoginInput, words: SubmitWords): Promise<FormState> {
  const unexpected: FormState = { tone: "error", message: words.unexpected };
  let response: Response;
  try {
    response = await fetch("/login/session", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(input),
      credentials: "same-origin",
    });
  } catch {
    return { tone: "error", message: words.unreachable };
  }
  const answer: unknown = await response.json().catch(() => null);
  if (!answer || typeof answer !== "object") return unexpected;
  if (response.ok && "redirectTo" in answer && typeof answer.redirectTo === "string") {
    window.location.assign(answer.redirectTo);
    return new Promise<never>(() => {});
  }
  const { formStateFromJson } = await import("@/lib/view/form-state-json");
  return formStateFromJson(answer) ?? unexpected;
}
