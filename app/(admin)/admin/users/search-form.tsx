import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/input-classes";
import { SEARCH_MAX_LENGTH, type SearchField } from "@/lib/security/accounts/user-search";

const FIELD_LABELS: Record<SearchField, string> = { email: "Email", username: "Username", phone: "Phone" };

/** A plain GET form: the search is in the URL, so a result page can be shared and reloaded. */
export function SearchForm({ query, field }: { query: string; field: SearchField }) {
  return (
    <form method="get" action="/admin/users" role="search" className="mb-4 flex flex-wrap items-end gap-3">
      <div className="min-w-[16rem] flex-1">
        <label htmlFor="user-search" className="mb-1 block text-sm font-medium">
          Starts with
        </label>
        <input id="user-search" name="q" type="search" defaultValue={query} maxLength={SEARCH_MAX_LENGTH} autoComplete="off" className={inputClasses} />
      </div>
      <div>
        <label htmlFor="user-search-field" className="mb-1 block text-sm font-medium">
          In
        </label>
        <select id="user-search-field" name="by" defaultValue={field} className={inputClasses}>
          {Object.entries(FIELD_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="secondary">
        Search
      </Button>
    </form>
  );
}
