CREATE TABLE "kernel_comment" (
	"id" serial PRIMARY KEY NOT NULL,
	"consultation_id" integer NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"paragraph_no" integer,
	"text" text NOT NULL,
	"author_name" text,
	"contact" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision" text,
	"reason" text,
	"answered_by" integer,
	"answered_on" date
);
--> statement-breakpoint
CREATE TABLE "kernel_consultation" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"module" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"paragraphs" jsonb NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"shortened_reason" text,
	"results_published_on" date,
	"adoption_note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kernel_legal_review" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"module" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"title" text NOT NULL,
	"submitted_on" date NOT NULL,
	"due_on" date NOT NULL,
	"reviewed_on" date,
	"reviewer_id" integer,
	"reviewer_name" text,
	"adviser_involved" boolean DEFAULT false NOT NULL,
	"result" text,
	"opinion" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "advisers_activity" (
	"id" serial PRIMARY KEY NOT NULL,
	"contract_id" integer NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"hours" numeric(4, 1),
	"people" integer,
	"way" text,
	"topic" text,
	"matters" text,
	"source" text DEFAULT 'staff' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "advisers_contract" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"contract_no" text,
	"adviser_name" text NOT NULL,
	"license_no" text,
	"firm" text NOT NULL,
	"firm_kind" text NOT NULL,
	"phone" text,
	"user_id" integer,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"terminated_on" date,
	"termination_reason" text,
	"fee" numeric(14, 2),
	"duty_schedule" text,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "advisers_coverage" (
	"id" serial PRIMARY KEY NOT NULL,
	"contract_id" integer NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"prefix" text COLLATE "C" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions_catalogue_item" (
	"id" serial PRIMARY KEY NOT NULL,
	"catalogue_id" integer NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"item_no" integer NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"sponsor_unit" text NOT NULL,
	"planned_period" text,
	"added_on" date NOT NULL,
	"removed_on" date,
	"removed_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions_catalogue" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"party_approved_on" date,
	"published_on" date,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions_decision" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"decision_no" text NOT NULL,
	"kind" text NOT NULL,
	"matter" text,
	"title" text NOT NULL,
	"category" text,
	"catalogue_item_id" integer,
	"out_of_catalogue_reason" text,
	"sponsor_unit" text NOT NULL,
	"draft" text NOT NULL,
	"launched_on" date NOT NULL,
	"status" text NOT NULL,
	"professional" boolean DEFAULT false NOT NULL,
	"stability_risk" boolean DEFAULT false NOT NULL,
	"expert_required" boolean DEFAULT true NOT NULL,
	"expert_waived_reason" text,
	"risk_required" boolean DEFAULT true NOT NULL,
	"risk_waived_reason" text,
	"no_consultation_reason" text,
	"expert_on" date,
	"expert_unit" text,
	"experts" jsonb,
	"expert_opinions" text,
	"expert_adoption" text,
	"expert_conflict_checked" boolean DEFAULT false NOT NULL,
	"expert_conflict_note" text,
	"expert_disclosed" boolean DEFAULT false NOT NULL,
	"risk_on" date,
	"risk_assessor" text,
	"risk_report" text,
	"risk_level" text,
	"risk_controllable" boolean,
	"meeting_type" text,
	"meeting_on" date,
	"attendees" text,
	"minutes" text,
	"dissent" text,
	"head_opinion" text,
	"outcome" text,
	"decision_text" text,
	"decided_on" date,
	"party_reported_on" date,
	"published_on" date,
	"publish_channel" text,
	"public_text" text,
	"execution_unit" text,
	"eval_planned_on" date,
	"eval_trigger" text,
	"eval_evaluator" text,
	"eval_third_party" boolean DEFAULT false NOT NULL,
	"eval_done_on" date,
	"eval_report" text,
	"eval_conclusion" text,
	"archive_ref" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions_evidence" (
	"id" serial PRIMARY KEY NOT NULL,
	"decision_id" integer NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"procedure" text NOT NULL,
	"title" text NOT NULL,
	"file_id" integer NOT NULL,
	"sha256" text NOT NULL,
	"note" text,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_reason" text
);
--> statement-breakpoint
CREATE TABLE "decisions_meeting" (
	"id" serial PRIMARY KEY NOT NULL,
	"decision_id" integer NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"list_published_on" date,
	"materials_sent_on" date,
	"participants" text NOT NULL,
	"opinions" text NOT NULL,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions_report" (
	"id" serial PRIMARY KEY NOT NULL,
	"decision_id" integer NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"reported_on" date NOT NULL,
	"unit" text NOT NULL,
	"text" text NOT NULL,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "normdocs_cleanup" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"campaign" text NOT NULL,
	"result" text NOT NULL,
	"reviewed_on" date NOT NULL,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "normdocs_document" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"title" text NOT NULL,
	"doc_type" text NOT NULL,
	"draft_unit" text,
	"summary" text,
	"body" text,
	"temporary" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"drafted_on" date NOT NULL,
	"review_submitted_on" date,
	"reviewed_on" date,
	"review_result" text,
	"deliberated_on" date,
	"meeting" text,
	"deliberation_result" text,
	"registered_on" date,
	"registration_no" text,
	"registration_year" integer,
	"registration_seq" integer,
	"doc_no" text,
	"published_on" date,
	"publish_medium" text,
	"effective_on" date,
	"valid_until" date,
	"filed_to" text COLLATE "C",
	"filing_due_on" date,
	"filed_on" date,
	"filing_corrections" integer DEFAULT 0 NOT NULL,
	"filing_reviewed_on" date,
	"filing_result" text,
	"filing_reason" text,
	"filing_reviewer" text,
	"last_cleanup_on" date,
	"last_cleanup_result" text,
	"ended_on" date,
	"channel_source" text DEFAULT 'staff' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "normdocs_setting" (
	"org_code" text COLLATE "C" PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "normdocs_suggestion" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"document_id" integer NOT NULL,
	"text" text NOT NULL,
	"author_name" text,
	"contact" text,
	"submitted_on" date NOT NULL,
	"replied_on" date,
	"reply" text,
	"replied_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kernel_comment" ADD CONSTRAINT "kernel_comment_consultation_id_kernel_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."kernel_consultation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisers_activity" ADD CONSTRAINT "advisers_activity_contract_id_advisers_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."advisers_contract"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisers_coverage" ADD CONSTRAINT "advisers_coverage_contract_id_advisers_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."advisers_contract"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions_catalogue_item" ADD CONSTRAINT "decisions_catalogue_item_catalogue_id_decisions_catalogue_id_fk" FOREIGN KEY ("catalogue_id") REFERENCES "public"."decisions_catalogue"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions_evidence" ADD CONSTRAINT "decisions_evidence_decision_id_decisions_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions_decision"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions_meeting" ADD CONSTRAINT "decisions_meeting_decision_id_decisions_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions_decision"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions_report" ADD CONSTRAINT "decisions_report_decision_id_decisions_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions_decision"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdocs_cleanup" ADD CONSTRAINT "normdocs_cleanup_document_id_normdocs_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."normdocs_document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdocs_suggestion" ADD CONSTRAINT "normdocs_suggestion_document_id_normdocs_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."normdocs_document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kernel_comment_consultation_idx" ON "kernel_comment" USING btree ("consultation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "kernel_consultation_entity_unique" ON "kernel_consultation" USING btree ("module","entity","entity_id");--> statement-breakpoint
CREATE INDEX "kernel_consultation_org_idx" ON "kernel_consultation" USING btree ("org_code","closes_on");--> statement-breakpoint
CREATE INDEX "kernel_legal_review_entity_idx" ON "kernel_legal_review" USING btree ("module","entity","entity_id");--> statement-breakpoint
CREATE INDEX "kernel_legal_review_org_idx" ON "kernel_legal_review" USING btree ("org_code","submitted_on");--> statement-breakpoint
CREATE INDEX "advisers_activity_org_idx" ON "advisers_activity" USING btree ("org_code","on");--> statement-breakpoint
CREATE INDEX "advisers_activity_contract_idx" ON "advisers_activity" USING btree ("contract_id","on");--> statement-breakpoint
CREATE UNIQUE INDEX "advisers_activity_duty_unique" ON "advisers_activity" USING btree ("contract_id","on","org_code") WHERE kind = '坐班';--> statement-breakpoint
CREATE INDEX "advisers_contract_org_idx" ON "advisers_contract" USING btree ("org_code","starts_on");--> statement-breakpoint
CREATE INDEX "advisers_contract_user_idx" ON "advisers_contract" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "advisers_coverage_unique" ON "advisers_coverage" USING btree ("contract_id","org_code");--> statement-breakpoint
CREATE INDEX "advisers_coverage_org_idx" ON "advisers_coverage" USING btree ("org_code");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_catalogue_item_no_unique" ON "decisions_catalogue_item" USING btree ("catalogue_id","item_no");--> statement-breakpoint
CREATE INDEX "decisions_catalogue_item_org_idx" ON "decisions_catalogue_item" USING btree ("org_code");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_catalogue_org_year_unique" ON "decisions_catalogue" USING btree ("org_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_decision_no_unique" ON "decisions_decision" USING btree ("decision_no");--> statement-breakpoint
CREATE INDEX "decisions_decision_org_idx" ON "decisions_decision" USING btree ("org_code","launched_on");--> statement-breakpoint
CREATE INDEX "decisions_evidence_decision_idx" ON "decisions_evidence" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "decisions_meeting_decision_idx" ON "decisions_meeting" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "decisions_report_decision_idx" ON "decisions_report" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "normdocs_cleanup_document_idx" ON "normdocs_cleanup" USING btree ("document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "normdocs_document_regno_unique" ON "normdocs_document" USING btree ("registration_no");--> statement-breakpoint
CREATE INDEX "normdocs_document_org_published_idx" ON "normdocs_document" USING btree ("org_code","published_on");--> statement-breakpoint
CREATE INDEX "normdocs_document_filed_to_idx" ON "normdocs_document" USING btree ("filed_to","filed_on");--> statement-breakpoint
CREATE INDEX "normdocs_suggestion_org_idx" ON "normdocs_suggestion" USING btree ("org_code","submitted_on");