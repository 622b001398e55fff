CREATE TABLE "petitions_case" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"petition_no" text NOT NULL,
	"channel" text NOT NULL,
	"origin" text DEFAULT '直接提出' NOT NULL,
	"transferred_from" text,
	"category" text NOT NULL,
	"subject" text NOT NULL,
	"summary" text NOT NULL,
	"batch_count" integer DEFAULT 1 NOT NULL,
	"person_count" integer DEFAULT 1 NOT NULL,
	"office_code" text COLLATE "C",
	"is_repeat" boolean DEFAULT false NOT NULL,
	"repeat_of_id" integer,
	"leader_name" text,
	"leader_plan" text,
	"status" text NOT NULL,
	"received_on" date NOT NULL,
	"accepted_on" date,
	"not_accepted_on" date,
	"not_accepted_reason" text,
	"objected_on" date,
	"objection_reason" text,
	"extended_days" integer,
	"extension_reason" text,
	"extension_approver" text,
	"extension_notified_on" date,
	"closed_on" date,
	"opinion" text,
	"opinion_text" text,
	"resolved" boolean DEFAULT false NOT NULL,
	"resolved_on" date,
	"review_requested_on" date,
	"reviewed_on" date,
	"review_result" text,
	"review_text" text,
	"recheck_requested_on" date,
	"recheck_hearing_days" integer DEFAULT 0 NOT NULL,
	"rechecked_on" date,
	"recheck_result" text,
	"recheck_text" text,
	"channel_source" text DEFAULT 'staff' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petitions_petitioner" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"name" text NOT NULL,
	"id_card" text,
	"phone" text,
	"address" text,
	"is_representative" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "petitions_petitioner" ADD CONSTRAINT "petitions_petitioner_case_id_petitions_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."petitions_case"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "petitions_case_no_unique" ON "petitions_case" USING btree ("petition_no");--> statement-breakpoint
CREATE INDEX "petitions_case_org_received_idx" ON "petitions_case" USING btree ("org_code","received_on");--> statement-breakpoint
CREATE INDEX "petitions_case_org_status_idx" ON "petitions_case" USING btree ("org_code","status","received_on");--> statement-breakpoint
CREATE INDEX "petitions_petitioner_case_idx" ON "petitions_petitioner" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "petitions_petitioner_idcard_idx" ON "petitions_petitioner" USING btree ("id_card");