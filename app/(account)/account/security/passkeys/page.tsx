import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { NoticeBanner } from "@/components/notice-banner";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { noticeFrom, type SearchParams } from "@/lib/view/notices";
import { pageLocale } from "@/lib/view/page-locale";
import { schemaWordsFor } from "@/lib/view/schema-words-server";
import { getConfig } from "@/lib/security/config";
import { requireUser } from "@/lib/security/sessions/guards";
import { listPasskeys } from "@/lib/security/passkeys/credentials";
import { BackToSecurity } from "../back-link";
import { AddPasskeyForm, type AddPasskeyWords } from "./add-passkey-form";
import { PasskeyItem, type PasskeyItemWords } from "./passkey-item";
import { toPasskeyView, type PasskeyViewWords } from "./passkey-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.passkeys"))("title") };
}

export default async function PasskeysPage({ searchParams }: { searchParams: SearchParams }) {
  const { user } = await requireUser();
  if (!getConfig().webauthn.enabled) notFound();
  const [passkeys, params, t, locale] = await Promise.all([listPasskeys(user.id), searchParams, getTranslations("account.passkeys"), pageLocale()]);
  const viewWords: PasskeyViewWords = {
    locale,
    thisDevice: t("transports.internal"),
    phone: t("transports.hybrid"),
    smartCard: t("transports.smartCard"),
    unknown: t("transports.unknown"),
    syncable: t("syncable"),
    singleDevice: t("singleDevice"),
  };
  const itemWords: PasskeyItemWords = {
    signIn: t("signIn"),
    secondStep: t("secondStep"),
    synced: t("synced"),
    added: t.raw("added") as string,
    lastUsed: t.raw("lastUsed") as string,
    neverUsed: t("neverUsed"),
    kind: t.raw("kind") as string,
    rename: t("rename"),
    renameAria: t.raw("renameAria") as string,
    remove: t("remove"),
    removeAria: t.raw("removeAria") as string,
    newName: t("newName"),
    saveName: t("saveName"),
    cancel: t("cancel"),
    removeQuestion: t.raw("removeQuestion") as string,
    removeBody: t.raw("removeBody") as string,
    removePasskey: t("removePasskey"),
    schema: schemaWordsFor(locale),
  };
  const addWords: AddPasskeyWords = {
    form: t("addTitle"),
    name: t("name"),
    nameHint: t("nameHint"),
    useItTo: t("useItTo"),
    usages: {
      first: { label: t("usage.first.label"), hint: t("usage.first.hint") },
      secondary: { label: t("usage.secondary.label"), hint: t("usage.secondary.hint") },
    },
    add: t("addButton"),
    schema: schemaWordsFor(locale),
  };
  return (
    <>
      <NoticeBanner notice={noticeFrom(params.notice, undefined, locale)} />
      <div>
        <BackToSecurity />
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted">{t("intro")}</p>
      </div>
      <Card>
        <CardHeader title={passkeys.length ? t("count", { count: passkeys.length }) : t("none")} description={passkeys.length ? undefined : t("noneBody")} />
        <CardBody>
          {passkeys.length ? (
            <ul className="divide-y divide-border" data-testid="passkey-list">
              {passkeys.map((p) => (
                // Keyed by name too: after a rename the item starts again in its view mode.
                <PasskeyItem key={`${p.id}:${p.name}`} passkey={toPasskeyView(p, viewWords)} words={itemWords} />
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">{t("emptyHint")}</p>
          )}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("addTitle")} description={t("addBody")} />
        <CardBody>
          {/* Keyed by the list: after an addition the form starts empty again. */}
          <AddPasskeyForm key={passkeys.map((p) => p.id).join(",")} words={addWords} />
        </CardBody>
      </Card>
    </>
  );
}
