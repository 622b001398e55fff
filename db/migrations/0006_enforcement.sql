CREATE TABLE "enforcement_case_officer" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"officer_id" integer NOT NULL,
	"role" text DEFAULT '承办' NOT NULL,
	"cert_no" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_case_review" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"template_id" integer NOT NULL,
	"reviewer_id" integer,
	"reviewer_name" text NOT NULL,
	"reviewed_on" date NOT NULL,
	"scores" jsonb NOT NULL,
	"total" integer NOT NULL,
	"passed" boolean NOT NULL,
	"comments" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_case" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"case_no" text NOT NULL,
	"item_id" integer NOT NULL,
	"procedure" text NOT NULL,
	"source" text NOT NULL,
	"party_type" text NOT NULL,
	"party_name" text NOT NULL,
	"party_id_no" text,
	"party_phone" text,
	"party_address" text,
	"summary" text NOT NULL,
	"status" text NOT NULL,
	"filed_on" date NOT NULL,
	"investigated_on" date,
	"findings" text,
	"proposal" text,
	"major" boolean DEFAULT false NOT NULL,
	"major_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"collective_required" boolean DEFAULT false NOT NULL,
	"notified_on" date,
	"hearing_applicable" boolean DEFAULT false NOT NULL,
	"hearing_request_until" date,
	"hearing_requested_on" date,
	"hearing_waived" boolean DEFAULT false NOT NULL,
	"hearing_notice_on" date,
	"hearing_on" date,
	"hearing_host" text,
	"hearing_held_on" date,
	"statement_text" text,
	"statement_waived" boolean DEFAULT false NOT NULL,
	"review_submitted_on" date,
	"reviewed_on" date,
	"review_result" text,
	"reviewer_id" integer,
	"reviewer_name" text,
	"review_opinion" text,
	"collective_on" date,
	"collective_attendees" text,
	"collective_minutes" text,
	"extended_days" integer,
	"extension_reason" text,
	"extension_approver" text,
	"decided_on" date,
	"decision_no" text,
	"decision_kind" text,
	"penalty_types" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fine_amount" numeric(14, 2),
	"confiscated_amount" numeric(14, 2),
	"decision_facts" text,
	"decision_basis" text,
	"performance" text,
	"remedy" text,
	"served_on" date,
	"service_method" text,
	"payment_due_on" date,
	"paid_on" date,
	"paid_amount" numeric(14, 2),
	"surcharge" numeric(14, 2),
	"executed_on" date,
	"execution_note" text,
	"closed_on" date,
	"archived_on" date,
	"revoked_on" date,
	"revoke_reason" text,
	"channel_source" text DEFAULT 'staff' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_evidence" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"step" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"file_id" integer NOT NULL,
	"sha256" text NOT NULL,
	"taken_at" timestamp with time zone,
	"place" text,
	"note" text,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_reason" text
);
--> statement-breakpoint
CREATE TABLE "enforcement_inspection_result" (
	"id" serial PRIMARY KEY NOT NULL,
	"inspection_id" integer NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"target_id" integer NOT NULL,
	"inspected_on" date NOT NULL,
	"result" text NOT NULL,
	"note" text,
	"case_id" integer
);
--> statement-breakpoint
CREATE TABLE "enforcement_inspection" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"title" text NOT NULL,
	"item_id" integer,
	"planned_on" date NOT NULL,
	"target_count" integer NOT NULL,
	"inspector_count" integer DEFAULT 2 NOT NULL,
	"status" text NOT NULL,
	"seed" text,
	"drawn_on" date,
	"target_pool" jsonb,
	"officer_pool" jsonb,
	"drawn_targets" jsonb,
	"drawn_officers" jsonb,
	"done_on" date,
	"published_on" date,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_item" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"list_kind" text NOT NULL,
	"item_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"item_type" text NOT NULL,
	"legal_basis" text NOT NULL,
	"office" text,
	"delegated" boolean DEFAULT false NOT NULL,
	"discretion" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_officer" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"name" text NOT NULL,
	"id_card" text,
	"phone" text,
	"user_id" integer,
	"cert_no" text,
	"issuer" text,
	"areas" text,
	"valid_from" date,
	"valid_to" date,
	"status" text DEFAULT '有效' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_publication" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"category" text NOT NULL,
	"decision_no" text NOT NULL,
	"decided_on" date NOT NULL,
	"due_on" date NOT NULL,
	"published_on" date NOT NULL,
	"summary" jsonb NOT NULL,
	"retain_until" date NOT NULL,
	"withdrawn_on" date,
	"withdraw_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_review_template" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"name" text NOT NULL,
	"items" jsonb NOT NULL,
	"pass_score" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_setting" (
	"org_code" text COLLATE "C" PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_target" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"name" text NOT NULL,
	"uscc" text,
	"kind" text NOT NULL,
	"industry" text,
	"address" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enforcement_case_officer" ADD CONSTRAINT "enforcement_case_officer_case_id_enforcement_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."enforcement_case"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_case_officer" ADD CONSTRAINT "enforcement_case_officer_officer_id_enforcement_officer_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."enforcement_officer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_case_review" ADD CONSTRAINT "enforcement_case_review_case_id_enforcement_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."enforcement_case"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_case_review" ADD CONSTRAINT "enforcement_case_review_template_id_enforcement_review_template_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."enforcement_review_template"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_evidence" ADD CONSTRAINT "enforcement_evidence_case_id_enforcement_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."enforcement_case"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_inspection_result" ADD CONSTRAINT "enforcement_inspection_result_inspection_id_enforcement_inspection_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."enforcement_inspection"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_publication" ADD CONSTRAINT "enforcement_publication_case_id_enforcement_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."enforcement_case"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_case_officer_unique" ON "enforcement_case_officer" USING btree ("case_id","officer_id");--> statement-breakpoint
CREATE INDEX "enforcement_case_officer_officer_idx" ON "enforcement_case_officer" USING btree ("officer_id");--> statement-breakpoint
CREATE INDEX "enforcement_case_review_org_idx" ON "enforcement_case_review" USING btree ("org_code","reviewed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_case_no_unique" ON "enforcement_case" USING btree ("case_no");--> statement-breakpoint
CREATE INDEX "enforcement_case_org_filed_idx" ON "enforcement_case" USING btree ("org_code","filed_on");--> statement-breakpoint
CREATE INDEX "enforcement_case_status_idx" ON "enforcement_case" USING btree ("status","filed_on","id");--> statement-breakpoint
CREATE INDEX "enforcement_case_filed_idx" ON "enforcement_case" USING btree ("filed_on","id");--> statement-breakpoint
CREATE INDEX "enforcement_evidence_case_idx" ON "enforcement_evidence" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_inspection_result_unique" ON "enforcement_inspection_result" USING btree ("inspection_id","target_id");--> statement-breakpoint
CREATE INDEX "enforcement_inspection_org_idx" ON "enforcement_inspection" USING btree ("org_code","planned_on");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_item_version_unique" ON "enforcement_item" USING btree ("org_code","item_code","version");--> statement-breakpoint
CREATE INDEX "enforcement_item_org_idx" ON "enforcement_item" USING btree ("org_code","list_kind","item_type");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_officer_cert_unique" ON "enforcement_officer" USING btree ("cert_no");--> statement-breakpoint
CREATE INDEX "enforcement_officer_org_idx" ON "enforcement_officer" USING btree ("org_code","valid_to");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_publication_case_unique" ON "enforcement_publication" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "enforcement_publication_org_idx" ON "enforcement_publication" USING btree ("org_code","published_on");--> statement-breakpoint
CREATE INDEX "enforcement_review_template_org_idx" ON "enforcement_review_template" USING btree ("org_code");--> statement-breakpoint
CREATE INDEX "enforcement_target_org_idx" ON "enforcement_target" USING btree ("org_code");