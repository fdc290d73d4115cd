DROP INDEX "user_roles_role_idx";--> statement-breakpoint
ALTER TABLE "user_roles" ADD COLUMN "user_created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "user_roles" ADD COLUMN "user_email" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "user_roles" ADD COLUMN "user_last_sign_in" timestamp with time zone DEFAULT '-infinity'::timestamptz NOT NULL;--> statement-breakpoint
-- user_roles copies its holder's keys in the admin list's three orders (decision 058), so a role filter
-- reads its page from one index range whatever the order. Kept by these triggers whatever writes the
-- tables (app, CLI, a seed, psql). The insert locks the user's row FOR SHARE: a sign-in updating that
-- row either waits for the role's transaction (and its own trigger then sees the new role row) or is
-- waited for (and the locking read returns the row it committed), so no key is left behind.
CREATE FUNCTION "user_roles_keys_fill"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT u."created_at", u."email_normalized", coalesce(u."current_login_at", '-infinity'::timestamptz)
    INTO NEW."user_created_at", NEW."user_email", NEW."user_last_sign_in"
    FROM "users" u WHERE u."id" = NEW."user_id" FOR SHARE;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "user_roles_keys" BEFORE INSERT ON "user_roles" FOR EACH ROW EXECUTE FUNCTION "user_roles_keys_fill"();--> statement-breakpoint
CREATE FUNCTION "user_roles_keys_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "user_roles" SET "user_created_at" = NEW."created_at", "user_email" = NEW."email_normalized",
    "user_last_sign_in" = coalesce(NEW."current_login_at", '-infinity'::timestamptz)
  WHERE "user_id" = NEW."id";
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "users_role_keys" AFTER UPDATE OF "created_at", "email_normalized", "current_login_at" ON "users" FOR EACH ROW
  WHEN (OLD."created_at" IS DISTINCT FROM NEW."created_at" OR OLD."email_normalized" IS DISTINCT FROM NEW."email_normalized"
    OR OLD."current_login_at" IS DISTINCT FROM NEW."current_login_at")
  EXECUTE FUNCTION "user_roles_keys_sync"();--> statement-breakpoint
UPDATE "user_roles" ur SET "user_created_at" = u."created_at", "user_email" = u."email_normalized",
  "user_last_sign_in" = coalesce(u."current_login_at", '-infinity'::timestamptz)
  FROM "users" u WHERE u."id" = ur."user_id";--> statement-breakpoint
ALTER TABLE "security_events" ADD COLUMN "actor_id" uuid;--> statement-breakpoint
ALTER TABLE "security_events" ADD CONSTRAINT "security_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "user_roles_role_created_idx" ON "user_roles" USING btree ("role_id","user_created_at","user_id");--> statement-breakpoint
CREATE INDEX "user_roles_role_email_idx" ON "user_roles" USING btree ("role_id","user_email" collate "C","user_id");--> statement-breakpoint
CREATE INDEX "user_roles_role_last_sign_in_idx" ON "user_roles" USING btree ("role_id","user_last_sign_in","user_id");--> statement-breakpoint
CREATE INDEX "security_events_actor_idx" ON "security_events" USING btree ("actor_id") WHERE "security_events"."actor_id" is not null;