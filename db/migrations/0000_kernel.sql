CREATE TABLE "kernel_audit" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" integer,
	"actor" text NOT NULL,
	"org_code" text COLLATE "C",
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kernel_deadline" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"module" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"step" text NOT NULL,
	"title" text NOT NULL,
	"rule" jsonb NOT NULL,
	"legal_basis" text,
	"starts_on" date NOT NULL,
	"due_on" date NOT NULL,
	"provisional" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"done_on" date,
	"reminded_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kernel_file" (
	"id" serial PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"mime" text NOT NULL,
	"name" text NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kernel_grant" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"role" text NOT NULL,
	"org_code" text COLLATE "C" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kernel_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kernel_notice" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"deadline_id" bigint NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "kernel_org" (
	"code" text COLLATE "C" PRIMARY KEY NOT NULL,
	"parent_code" text COLLATE "C",
	"name" text NOT NULL,
	"level" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kernel_session" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "kernel_supervision" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"deadline_id" bigint NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"created_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text,
	"closed_at" timestamp with time zone,
	"closed_by" integer
);
--> statement-breakpoint
CREATE TABLE "kernel_user" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"phone" text,
	"office_code" text COLLATE "C",
	"disabled" boolean DEFAULT false NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"password_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kernel_user_username_unique" UNIQUE("username")
);
--> statement-breakpoint
ALTER TABLE "kernel_grant" ADD CONSTRAINT "kernel_grant_user_id_kernel_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."kernel_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kernel_grant" ADD CONSTRAINT "kernel_grant_org_code_kernel_org_code_fk" FOREIGN KEY ("org_code") REFERENCES "public"."kernel_org"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kernel_notice" ADD CONSTRAINT "kernel_notice_deadline_id_kernel_deadline_id_fk" FOREIGN KEY ("deadline_id") REFERENCES "public"."kernel_deadline"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kernel_session" ADD CONSTRAINT "kernel_session_user_id_kernel_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."kernel_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kernel_supervision" ADD CONSTRAINT "kernel_supervision_deadline_id_kernel_deadline_id_fk" FOREIGN KEY ("deadline_id") REFERENCES "public"."kernel_deadline"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kernel_audit_entity_idx" ON "kernel_audit" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "kernel_audit_org_idx" ON "kernel_audit" USING btree ("org_code");--> statement-breakpoint
CREATE UNIQUE INDEX "kernel_deadline_step_unique" ON "kernel_deadline" USING btree ("module","entity","entity_id","step");--> statement-breakpoint
CREATE INDEX "kernel_deadline_org_status_due_idx" ON "kernel_deadline" USING btree ("org_code","status","due_on");--> statement-breakpoint
CREATE INDEX "kernel_deadline_open_due_idx" ON "kernel_deadline" USING btree ("due_on") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "kernel_file_org_idx" ON "kernel_file" USING btree ("org_code");--> statement-breakpoint
CREATE INDEX "kernel_file_sha_idx" ON "kernel_file" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "kernel_grant_unique" ON "kernel_grant" USING btree ("user_id","role","org_code");--> statement-breakpoint
CREATE INDEX "kernel_grant_org_idx" ON "kernel_grant" USING btree ("org_code");--> statement-breakpoint
CREATE UNIQUE INDEX "kernel_notice_unique" ON "kernel_notice" USING btree ("deadline_id","kind");--> statement-breakpoint
CREATE INDEX "kernel_notice_org_idx" ON "kernel_notice" USING btree ("org_code");--> statement-breakpoint
CREATE INDEX "kernel_org_parent_idx" ON "kernel_org" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "kernel_session_user_idx" ON "kernel_session" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "kernel_supervision_deadline_unique" ON "kernel_supervision" USING btree ("deadline_id");--> statement-breakpoint
CREATE INDEX "kernel_supervision_org_idx" ON "kernel_supervision" USING btree ("org_code","status");