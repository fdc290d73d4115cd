import { cancelSignInAction } from "./actions";

/** Footer control of every second-step page: forgets the pending login and returns to /login. */
export function CancelSignIn() {
  return (
    <form action={cancelSignInAction}>
      <button type="submit" className="link">
        Cancel sign-in
      </button>
    </form>
  );
}
