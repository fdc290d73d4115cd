ALTER TABLE "users" ADD COLUMN "two_factor_on" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "passkey_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- users.two_factor_on and users.passkey_count mirror two_factor and webauthn_credentials (decision 054):
-- kept by these triggers whatever writes those tables (app, CLI, a seed, psql). The count moves by
-- one per row, so two transactions adding and removing passkeys of one account at once end right.
CREATE FUNCTION "users_two_factor_on_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "users" SET "two_factor_on" = true WHERE "id" = NEW."user_id";
  ELSE
    UPDATE "users" SET "two_factor_on" = false WHERE "id" = OLD."user_id";
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "two_factor_users_flag" AFTER INSERT OR DELETE ON "two_factor" FOR EACH ROW EXECUTE FUNCTION "users_two_factor_on_sync"();--> statement-breakpoint
CREATE FUNCTION "users_passkey_count_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "users" SET "passkey_count" = "passkey_count" + 1 WHERE "id" = NEW."user_id";
  ELSE
    UPDATE "users" SET "passkey_count" = "passkey_count" - 1 WHERE "id" = OLD."user_id";
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "webauthn_credentials_users_count" AFTER INSERT OR DELETE ON "webauthn_credentials" FOR EACH ROW EXECUTE FUNCTION "users_passkey_count_sync"();--> statement-breakpoint
UPDATE "users" SET "two_factor_on" = true WHERE "id" IN (SELECT "user_id" FROM "two_factor");--> statement-breakpoint
UPDATE "users" u SET "passkey_count" = c.n FROM (SELECT "user_id", count(*)::int AS n FROM "webauthn_credentials" GROUP BY "user_id") c WHERE u."id" = c."user_id";--> statement-breakpoint
CREATE INDEX "users_disabled_last_sign_in_idx" ON "users" USING btree (coalesce("current_login_at", '-infinity'::timestamptz),"id") WHERE not "users"."active";--> statement-breakpoint
CREATE INDEX "users_unconfirmed_last_sign_in_idx" ON "users" USING btree (coalesce("current_login_at", '-infinity'::timestamptz),"id") WHERE "users"."confirmed_at" is null;--> statement-breakpoint
CREATE INDEX "users_two_factor_last_sign_in_idx" ON "users" USING btree (coalesce("current_login_at", '-infinity'::timestamptz),"id") WHERE "users"."two_factor_on";--> statement-breakpoint
CREATE INDEX "users_passkey_last_sign_in_idx" ON "users" USING btree (coalesce("current_login_at", '-infinity'::timestamptz),"id") WHERE "users"."passkey_count" > 0;