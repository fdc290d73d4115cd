DROP INDEX "users_created_at_idx";--> statement-breakpoint
CREATE INDEX "users_created_at_id_idx" ON "users" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "users_email_prefix_idx" ON "users" USING btree ("email_normalized" collate "C","id");--> statement-breakpoint
CREATE INDEX "users_username_prefix_idx" ON "users" USING btree ("username_normalized" collate "C","id") WHERE "users"."username_normalized" is not null;--> statement-breakpoint
CREATE INDEX "two_factor_phone_prefix_idx" ON "two_factor" USING btree ("phone" collate "C") WHERE "two_factor"."phone" is not null;--> statement-breakpoint
CREATE INDEX "sign_in_methods_phone_prefix_idx" ON "sign_in_methods" USING btree ("phone" collate "C") WHERE "sign_in_methods"."phone" is not null;