import { getTranslations } from "next-intl/server";
import { cancelSignInAction } from "./actions";

/** Footer control of every second-step page: forgets the pending login and returns to /login. */
export async function CancelSignIn() {
  const t = await getTranslations("signIn.twoFactor.links");
  return (
    <form action={cancelSignInAction}>
      <button type="submit" className="link">
        {t("cancel")}
      </button>
    </form>
  );
}
