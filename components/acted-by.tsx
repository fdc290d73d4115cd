/**
 * After an activity entry an administrator did while viewing the app as the user (decision 058):
 * the user's own log and the console both say who, so a "view as" is never invisible to the account.
 * `words` is the page's "by administrator {email}" in its language.
 */
export function ActedBy({ email, words = "by administrator {email}" }: { email: string | null; words?: string }) {
  if (!email) return null;
  const [before = "", after = ""] = words.split("{email}");
  return (
    <span className="font-normal text-muted" data-testid="acted-by">
      {" "}
      {before}
      <bdi>{email}</bdi>
      {after}
    </span>
  );
}
