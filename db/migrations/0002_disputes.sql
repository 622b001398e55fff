CREATE TABLE "kernel_sequence" (
	"key" text PRIMARY KEY NOT NULL,
	"value" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disputes_case" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"case_no" text NOT NULL,
	"source" text NOT NULL,
	"category" text NOT NULL,
	"summary" text NOT NULL,
	"risk_level" text DEFAULT '低' NOT NULL,
	"mediator_name" text,
	"status" text NOT NULL,
	"received_on" date NOT NULL,
	"accepted_on" date,
	"rejected_on" date,
	"reject_reason" text,
	"mediation_on" date,
	"resolved_on" date,
	"failed_on" date,
	"transfer_to" text,
	"transfer_target" text,
	"agreement_form" text,
	"agreement_text" text,
	"agreement_file_id" integer,
	"performance" text,
	"judicial_due_on" date,
	"judicial_applied_on" date,
	"judicial_court" text,
	"judicial_result" text,
	"followup_on" date,
	"followup_note" text,
	"channel" text DEFAULT 'staff' NOT NULL,
	"tracking_code" text,
	"contact_phone" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disputes_consultation" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"description" text NOT NULL,
	"tracking_code" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"answer" text,
	"answered_on" date,
	"answered_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disputes_meeting_case" (
	"meeting_id" integer NOT NULL,
	"case_id" integer NOT NULL,
	"reviewed" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disputes_meeting" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"attendees" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disputes_party" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"role" text DEFAULT '当事人' NOT NULL,
	"name" text NOT NULL,
	"id_card" text,
	"phone" text,
	"address" text
);
--> statement-breakpoint
ALTER TABLE "disputes_meeting_case" ADD CONSTRAINT "disputes_meeting_case_meeting_id_disputes_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."disputes_meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes_meeting_case" ADD CONSTRAINT "disputes_meeting_case_case_id_disputes_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."disputes_case"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes_party" ADD CONSTRAINT "disputes_party_case_id_disputes_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."disputes_case"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "disputes_case_no_unique" ON "disputes_case" USING btree ("case_no");--> statement-breakpoint
CREATE INDEX "disputes_case_org_received_idx" ON "disputes_case" USING btree ("org_code","received_on");--> statement-breakpoint
CREATE INDEX "disputes_case_org_status_idx" ON "disputes_case" USING btree ("org_code","status","received_on");--> statement-breakpoint
CREATE UNIQUE INDEX "disputes_case_tracking_unique" ON "disputes_case" USING btree ("tracking_code") WHERE tracking_code IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "disputes_consultation_tracking_unique" ON "disputes_consultation" USING btree ("tracking_code");--> statement-breakpoint
CREATE INDEX "disputes_consultation_org_idx" ON "disputes_consultation" USING btree ("org_code");--> statement-breakpoint
CREATE UNIQUE INDEX "disputes_meeting_case_unique" ON "disputes_meeting_case" USING btree ("meeting_id","case_id");--> statement-breakpoint
CREATE INDEX "disputes_meeting_org_idx" ON "disputes_meeting" USING btree ("org_code","held_on");--> statement-breakpoint
CREATE INDEX "disputes_party_case_idx" ON "disputes_party" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "disputes_party_idcard_idx" ON "disputes_party" USING btree ("id_card");--> statement-breakpoint
CREATE INDEX "disputes_party_org_idx" ON "disputes_party" USING btree ("org_code");