CREATE TABLE "sign_in_methods" (
	"user_id" uuid NOT NULL,
	"method" text NOT NULL,
	"secret_encrypted" text NOT NULL,
	"phone" text,
	"last_time_step" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sign_in_methods_user_id_method_pk" PRIMARY KEY("user_id","method"),
	CONSTRAINT "sign_in_methods_phone_unique" UNIQUE("phone")
);
--> statement-breakpoint
ALTER TABLE "sign_in_methods" ADD CONSTRAINT "sign_in_methods_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;