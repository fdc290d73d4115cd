import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/input-classes";
import { SEARCH_MAX_LENGTH, type SearchField } from "@/lib/security/accounts/user-search";
import { FLAG_FILTERS, type FlagFilter } from "@/lib/security/accounts/user-filters";
import type { Sort } from "@/lib/security/accounts/user-list-order";
import { FLAG_PARAMS, type UsersQuery } from "./search-params";

const FIELD_LABELS: Record<SearchField, string> = { email: "Email", username: "Username", phone: "Phone" };
const FLAG_LABELS: Record<FlagFilter, string> = {
  active: "Active",
  confirmed: "Confirmed",
  twoFactor: "Two-factor on",
  passkey: "Has a passkey",
  locked: "Locked",
};
const SORT_LABELS: Record<Sort, string> = { created: "Sign-up date", email: "Email", "last-sign-in": "Last sign-in" };

function Select({ id, name, label, value, options }: { id: string; name: string; label: string; value: string; options: [string, string][] }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className={inputClasses}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

const flagValue = (v: boolean | undefined): string => (v === undefined ? "any" : v ? "yes" : "no");

/** A plain GET form: the search, filters and order are in the URL, so a result page can be shared and reloaded. */
export function SearchForm({ search, roles }: { search: UsersQuery; roles: string[] }) {
  return (
    <form method="get" action="/admin/users" role="search" className="mb-4 space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-[16rem] flex-1">
          <label htmlFor="user-search" className="mb-1 block text-sm font-medium">
            Starts with
          </label>
          <input
            id="user-search"
            name="q"
            type="search"
            defaultValue={search.query ?? ""}
            maxLength={SEARCH_MAX_LENGTH}
            autoComplete="off"
            className={inputClasses}
          />
        </div>
        <Select id="user-search-field" name="by" label="In" value={search.field} options={Object.entries(FIELD_LABELS)} />
        <Select id="user-sort" name="sort" label="Sort by" value={search.sort} options={Object.entries(SORT_LABELS)} />
        <Select
          id="user-dir"
          name="dir"
          label="Order"
          value={search.direction}
          options={[
            ["asc", "Ascending"],
            ["desc", "Descending"],
          ]}
        />
      </div>
      <fieldset className="flex flex-wrap items-end gap-3">
        <legend className="sr-only">Filters</legend>
        {FLAG_FILTERS.map((f) => (
          <Select
            key={f}
            id={`filter-${f}`}
            name={FLAG_PARAMS[f]}
            label={FLAG_LABELS[f]}
            value={flagValue(search.filters[f])}
            options={[
              ["any", "Any"],
              ["yes", "Yes"],
              ["no", "No"],
            ]}
          />
        ))}
        <Select
          id="filter-role"
          name="role"
          label="Role"
          value={search.filters.role ?? ""}
          options={[["", "Any"], ...roles.map((r): [string, string] => [r, r])]}
        />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </fieldset>
    </form>
  );
}
