CREATE TABLE "reporting_annual_report" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_code" text COLLATE "C" NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"narratives" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"accepted_suggestions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"signature" text NOT NULL,
	"approved_by" integer,
	"approved_by_name" text,
	"approved_at" timestamp with time zone,
	"approved_figures" jsonb,
	"submitted_on" date,
	"published_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "reporting_annual_report_org_year" ON "reporting_annual_report" USING btree ("org_code","year");--> statement-breakpoint
CREATE INDEX "reporting_annual_report_status" ON "reporting_annual_report" USING btree ("status");