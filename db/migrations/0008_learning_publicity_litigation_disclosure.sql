CREATE TABLE "disclosure_item" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"index_no" text NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"formed_on" date NOT NULL,
	"due_on" date NOT NULL,
	"published_on" date,
	"channel" text,
	"summary" text,
	"url" text,
	"source" text DEFAULT 'staff' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_request" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"request_no" text NOT NULL,
	"tracking_code" text NOT NULL,
	"applicant_kind" text NOT NULL,
	"applicant_sub_kind" text,
	"applicant_name" text NOT NULL,
	"id_no" text,
	"phone" text,
	"address" text,
	"channel" text NOT NULL,
	"mail_kind" text,
	"submitted_on" date NOT NULL,
	"signed_on" date,
	"confirmed_on" date,
	"received_on" date,
	"content" text NOT NULL,
	"purpose" text,
	"status" text NOT NULL,
	"correction_requested_on" date,
	"correction_items" text,
	"correction_due_on" date,
	"correction_received_on" date,
	"third_party" text,
	"third_party_sent_on" date,
	"third_party_replied_on" date,
	"third_party_opinion" text,
	"paused_workdays" integer DEFAULT 0 NOT NULL,
	"extended_days" integer,
	"extension_reason" text,
	"extension_approver" text,
	"extension_approved_on" date,
	"extension_notified_on" date,
	"due_on" date,
	"answer_type" text,
	"answer_reason" text,
	"answer_text" text,
	"answered_on" date,
	"source" text DEFAULT 'staff' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_exam_entry" (
	"id" serial PRIMARY KEY NOT NULL,
	"exam_id" integer NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"person_name" text NOT NULL,
	"id_card" text,
	"unit_name" text,
	"role" text,
	"required" boolean DEFAULT true NOT NULL,
	"sat" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT '未参考' NOT NULL,
	"score" numeric(5, 1),
	"attempts" integer,
	"passed" boolean DEFAULT false NOT NULL,
	"grade" text,
	"makeup_score" numeric(5, 1),
	"study_hours" numeric(6, 1),
	"officer_id" integer,
	"sitted_on" date,
	"source" text DEFAULT 'staff' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_exam" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"held_on" date NOT NULL,
	"pass_score" numeric(5, 1) DEFAULT 60 NOT NULL,
	"good_score" numeric(5, 1) DEFAULT 80 NOT NULL,
	"excellent_score" numeric(5, 1) DEFAULT 90 NOT NULL,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_report" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"year" integer NOT NULL,
	"leader_name" text NOT NULL,
	"post" text NOT NULL,
	"reported_on" date NOT NULL,
	"occasion" text NOT NULL,
	"summary" text,
	"evaluation" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_session" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"topic" text NOT NULL,
	"laws" text,
	"lecturer" text,
	"attendees" integer,
	"hours" numeric(6, 1),
	"note" text,
	"file_ids" jsonb,
	"source" text DEFAULT 'staff' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_training" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"officer_id" integer,
	"person_name" text NOT NULL,
	"held_on" date NOT NULL,
	"course" text NOT NULL,
	"hours" numeric(6, 1) NOT NULL,
	"organiser" text,
	"source" text DEFAULT 'staff' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "litigation_hearing" (
	"id" serial PRIMARY KEY NOT NULL,
	"lawsuit_id" integer NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"hearing_on" date NOT NULL,
	"court_notified_head" boolean DEFAULT false NOT NULL,
	"head_appeared" boolean,
	"head_name" text,
	"head_post" text,
	"head_role" text,
	"delegate_name" text,
	"delegate_post" text,
	"absence_reason" text,
	"proof_submitted" boolean,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "litigation_lawsuit" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"court" text NOT NULL,
	"instance" text NOT NULL,
	"case_no" text,
	"plaintiff_name" text NOT NULL,
	"plaintiff_kind" text NOT NULL,
	"plaintiff_id_no" text,
	"plaintiff_phone" text,
	"act" text NOT NULL,
	"act_kind" text NOT NULL,
	"act_on" date,
	"enforcement_case_id" integer,
	"reconsideration_id" integer,
	"filed_on" date NOT NULL,
	"answered_on" date,
	"judgment_type" text,
	"judged_on" date,
	"judgment_note" text,
	"appealed" boolean DEFAULT false NOT NULL,
	"appealed_on" date,
	"appeal_by" text,
	"suggestion_kind" text,
	"suggestion_received_on" date,
	"suggestion_content" text,
	"suggestion_replied_on" date,
	"suggestion_reply" text,
	"note" text,
	"source" text DEFAULT 'staff' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "litigation_reconsideration" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"authority" text NOT NULL,
	"case_no" text,
	"applicant_name" text NOT NULL,
	"applicant_kind" text NOT NULL,
	"applicant_id_no" text,
	"applicant_phone" text,
	"act" text NOT NULL,
	"act_kind" text NOT NULL,
	"act_on" date,
	"amount" numeric(14, 2),
	"enforcement_case_id" integer,
	"procedure" text DEFAULT '普通' NOT NULL,
	"received_on" date NOT NULL,
	"replied_on" date,
	"hearing_on" date,
	"hearing_head_attended" boolean,
	"hearing_head_name" text,
	"hearing_note" text,
	"decision_type" text,
	"decided_on" date,
	"served_on" date,
	"decision_note" text,
	"opinion_received_on" date,
	"opinion_content" text,
	"rectified_on" date,
	"rectification_report" text,
	"note" text,
	"source" text DEFAULT 'staff' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publicity_activity" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"themes" text[] NOT NULL,
	"form" text NOT NULL,
	"venue_type" text NOT NULL,
	"venue_name" text,
	"reach" integer DEFAULT 0 NOT NULL,
	"materials" integer DEFAULT 0 NOT NULL,
	"duty_id" integer,
	"organiser" text,
	"note" text,
	"source" text DEFAULT 'staff' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publicity_duty" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"year" integer NOT NULL,
	"unit_name" text NOT NULL,
	"duties" text NOT NULL,
	"planned" integer NOT NULL,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publicity_photo" (
	"id" serial PRIMARY KEY NOT NULL,
	"activity_id" integer NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"file_id" integer NOT NULL,
	"sha256" text NOT NULL,
	"caption" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publicity_site" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"built_on" date,
	"honour_level" text,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "learning_exam_entry" ADD CONSTRAINT "learning_exam_entry_exam_id_learning_exam_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."learning_exam"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "litigation_hearing" ADD CONSTRAINT "litigation_hearing_lawsuit_id_litigation_lawsuit_id_fk" FOREIGN KEY ("lawsuit_id") REFERENCES "public"."litigation_lawsuit"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_activity" ADD CONSTRAINT "publicity_activity_duty_id_publicity_duty_id_fk" FOREIGN KEY ("duty_id") REFERENCES "public"."publicity_duty"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_photo" ADD CONSTRAINT "publicity_photo_activity_id_publicity_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."publicity_activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_item_index_no_unique" ON "disclosure_item" USING btree ("index_no");--> statement-breakpoint
CREATE INDEX "disclosure_item_org_idx" ON "disclosure_item" USING btree ("org_code","formed_on");--> statement-breakpoint
CREATE INDEX "disclosure_item_published_idx" ON "disclosure_item" USING btree ("org_code","published_on");--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_request_no_unique" ON "disclosure_request" USING btree ("request_no");--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_request_tracking_unique" ON "disclosure_request" USING btree ("tracking_code");--> statement-breakpoint
CREATE INDEX "disclosure_request_org_idx" ON "disclosure_request" USING btree ("org_code","received_on");--> statement-breakpoint
CREATE INDEX "disclosure_request_org_answered_idx" ON "disclosure_request" USING btree ("org_code","answered_on");--> statement-breakpoint
CREATE INDEX "learning_exam_entry_org_idx" ON "learning_exam_entry" USING btree ("org_code","exam_id");--> statement-breakpoint
CREATE INDEX "learning_exam_entry_exam_idx" ON "learning_exam_entry" USING btree ("exam_id","person_name");--> statement-breakpoint
CREATE INDEX "learning_exam_org_idx" ON "learning_exam" USING btree ("org_code","held_on");--> statement-breakpoint
CREATE INDEX "learning_report_org_idx" ON "learning_report" USING btree ("org_code","reported_on");--> statement-breakpoint
CREATE INDEX "learning_session_org_idx" ON "learning_session" USING btree ("org_code","held_on");--> statement-breakpoint
CREATE INDEX "learning_training_org_idx" ON "learning_training" USING btree ("org_code","held_on");--> statement-breakpoint
CREATE INDEX "learning_training_officer_idx" ON "learning_training" USING btree ("officer_id","held_on");--> statement-breakpoint
CREATE INDEX "litigation_hearing_org_idx" ON "litigation_hearing" USING btree ("org_code","hearing_on");--> statement-breakpoint
CREATE INDEX "litigation_hearing_lawsuit_idx" ON "litigation_hearing" USING btree ("lawsuit_id","hearing_on");--> statement-breakpoint
CREATE INDEX "litigation_lawsuit_org_idx" ON "litigation_lawsuit" USING btree ("org_code","filed_on");--> statement-breakpoint
CREATE INDEX "litigation_lawsuit_kind_idx" ON "litigation_lawsuit" USING btree ("org_code","act_kind");--> statement-breakpoint
CREATE INDEX "litigation_lawsuit_reconsideration_idx" ON "litigation_lawsuit" USING btree ("reconsideration_id");--> statement-breakpoint
CREATE INDEX "litigation_reconsideration_org_idx" ON "litigation_reconsideration" USING btree ("org_code","received_on");--> statement-breakpoint
CREATE INDEX "litigation_reconsideration_kind_idx" ON "litigation_reconsideration" USING btree ("org_code","act_kind");--> statement-breakpoint
CREATE INDEX "publicity_activity_org_idx" ON "publicity_activity" USING btree ("org_code","held_on");--> statement-breakpoint
CREATE INDEX "publicity_activity_duty_idx" ON "publicity_activity" USING btree ("duty_id","held_on");--> statement-breakpoint
CREATE INDEX "publicity_duty_org_idx" ON "publicity_duty" USING btree ("org_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "publicity_duty_unique" ON "publicity_duty" USING btree ("org_code","year","unit_name");--> statement-breakpoint
CREATE INDEX "publicity_photo_org_idx" ON "publicity_photo" USING btree ("org_code");--> statement-breakpoint
CREATE INDEX "publicity_photo_activity_idx" ON "publicity_photo" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "publicity_site_org_idx" ON "publicity_site" USING btree ("org_code","kind");