import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/input-classes";
import { SEARCH_FIELDS, SEARCH_MAX_LENGTH } from "@/lib/security/accounts/user-search";
import { FLAG_FILTERS } from "@/lib/security/accounts/user-filters";
import { SORTS } from "@/lib/security/accounts/user-list-order";
import { FLAG_PARAMS, type UsersQuery } from "./search-params";

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
export async function SearchForm({ search, roles }: { search: UsersQuery; roles: string[] }) {
  const t = await getTranslations("admin.users.form");
  const anyYesNo: [string, string][] = [
    ["any", t("any")],
    ["yes", t("yes")],
    ["no", t("no")],
  ];
  return (
    <form method="get" action="/admin/users" role="search" className="mb-4 space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-[16rem] flex-1">
          <label htmlFor="user-search" className="mb-1 block text-sm font-medium">
            {t("startsWith")}
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
        <Select id="user-search-field" name="by" label={t("in")} value={search.field} options={SEARCH_FIELDS.map((f) => [f, t(`fields.${f}`)])} />
        <Select id="user-sort" name="sort" label={t("sortBy")} value={search.sort} options={SORTS.map((s) => [s, t(`sorts.${s}`)])} />
        <Select
          id="user-dir"
          name="dir"
          label={t("order")}
          value={search.direction}
          options={[
            ["asc", t("ascending")],
            ["desc", t("descending")],
          ]}
        />
      </div>
      <fieldset className="flex flex-wrap items-end gap-3">
        <legend className="sr-only">{t("filters")}</legend>
        {FLAG_FILTERS.map((f) => (
          <Select key={f} id={`filter-${f}`} name={FLAG_PARAMS[f]} label={t(`flags.${f}`)} value={flagValue(search.filters[f])} options={anyYesNo} />
        ))}
        <Select
          id="filter-role"
          name="role"
          label={t("role")}
          value={search.filters.role ?? ""}
          options={[["", t("any")], ...roles.map((r): [string, string] => [r, r])]}
        />
        <Button type="submit" variant="secondary">
          {t("submit")}
        </Button>
      </fieldset>
    </form>
  );
}
