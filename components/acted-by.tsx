/**
 * After an activity entry an administrator did while viewing the app as the user (decision 058):
 * the user's own log and the console both say who, so a "view as" is never invisible to the account.
 */
export function ActedBy({ email }: { email: string | null }) {
  if (!email) return null;
  return (
    <span className="font-normal text-muted" data-testid="acted-by">
      {" "}
      by administrator {email}
    </span>
  );
}
