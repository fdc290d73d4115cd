CREATE INDEX "users_last_sign_in_idx" ON "users" USING btree (coalesce("current_login_at", '-infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "users_disabled_created_idx" ON "users" USING btree ("created_at","id") WHERE not "users"."active";--> statement-breakpoint
CREATE INDEX "users_unconfirmed_created_idx" ON "users" USING btree ("created_at","id") WHERE "users"."confirmed_at" is null;--> statement-breakpoint
CREATE INDEX "users_locked_created_idx" ON "users" USING btree ("created_at","id") WHERE "users"."failed_login_count" >= 100;