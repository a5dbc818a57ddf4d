# Routing pack: which model answers when nothing else decides it.
# The same table as policies/routing/routing.csv, row for row and in the same order: the rows are an
# else-chain, so the first row whose conditions all hold decides (first hit), and routing.fallback,
# with no conditions, routes every request that no earlier row matched.
package tollgate.routing

basis := "Tollgate routing policy (cost/latency)"

request := input.request

hit := public_on_device if {
	request.role in {"public"}
} else := faq_short if {
	request.task_type == "faq"
	request.token_count <= 256
} else := classify_extract if {
	request.task_type in {"classify", "extract"}
	request.token_count <= 1024
} else := tight_latency if {
	request.max_latency_ms > 0
	request.max_latency_ms <= 300
} else := budget_exhausted if {
	object.get(request, "cloud_budget_exhausted", false) == true
} else := summarize if {
	request.task_type == "summarize"
	request.token_count <= 512
} else := translate if {
	request.task_type == "translate"
	request.token_count <= 512
} else := faq_long if {
	request.task_type == "faq"
	request.token_count > 256
} else := summarize_translate_long if {
	request.task_type in {"summarize", "translate"}
	request.token_count > 512
} else := classify_extract_long if {
	request.task_type in {"classify", "extract"}
	request.token_count > 1024
} else := complex_task if {
	request.task_type in {"reasoning", "code", "multi_step", "plan"}
} else := long_input if {
	request.token_count > 2048
} else := draft_write if {
	request.task_type in {"draft", "write"}
	request.token_count <= 2048
} else := fallback

# The rows' ids, routes, confidence thresholds and consistency checks (cascade rows only) and messages; a row's texts are built
# only when it is the hit.
public_on_device := {
	"rule": "routing.public-on-device", "destination": "slm-local", "strategy": "static",
	"message": "Requests made on behalf of members of the public are answered by the on-device model",
}

faq_short := {
	"rule": "routing.faq-short", "destination": "slm-local", "strategy": "static",
	"message": "Short FAQ questions are answered by the on-device model",
}

classify_extract := {
	"rule": "routing.classify-extract", "destination": "slm-local", "strategy": "static",
	"message": "Classification and extraction of up to 1024 tokens run on the on-device model",
}

tight_latency := {
	"rule": "routing.tight-latency", "destination": "slm-local", "strategy": "static",
	"message": "A latency budget of 300 ms or less is met only by the on-device model",
}

budget_exhausted := {
	"rule": "routing.budget-exhausted", "destination": "slm-local", "strategy": "static", "deny_tasks": {"code"},
	"message": "The application's monthly cloud token budget is spent: the on-device model answers, and a task that needs the cloud is refused",
}

summarize := {
	"rule": "routing.summarize", "destination": "slm-local", "strategy": "cascade", "escalate_below": 0.55,
	"message": "Short summaries start on the on-device model and go to the cloud model when the on-device model is not confident enough",
}

translate := {
	"rule": "routing.translate", "destination": "slm-local", "strategy": "cascade", "escalate_below": 0.65,
	"consistency": {"samples": 3, "escalate_below": 0.4},
	"message": "Short translations start on the on-device model and go to the cloud model when the on-device model is not confident enough",
}

faq_long := {
	"rule": "routing.faq-long", "destination": "cloud-eu", "strategy": "static",
	"message": "FAQ questions longer than 256 tokens go to the EU cloud model",
}

summarize_translate_long := {
	"rule": "routing.summarize-translate-long", "destination": "cloud-eu", "strategy": "static",
	"message": "Summaries and translations of more than 512 tokens go to the EU cloud model",
}

classify_extract_long := {
	"rule": "routing.classify-extract-long", "destination": "cloud-eu", "strategy": "static",
	"message": "Classification and extraction of more than 1024 tokens go to the EU cloud model",
}

complex_task := {
	"rule": "routing.complex-task", "destination": "cloud-eu", "strategy": "static",
	"message": "Multi-step reasoning, code and planning go to the EU cloud model",
}

long_input := {
	"rule": "routing.long-input", "destination": "cloud-eu", "strategy": "static",
	"message": "Inputs longer than 2048 tokens go to the EU cloud model",
}

draft_write := {
	"rule": "routing.draft-write", "destination": "slm-local", "strategy": "draft_verify",
	"message": "Drafts are written by the on-device model and checked by the cloud model",
}

fallback := {
	"rule": "routing.fallback", "destination": "slm-local", "strategy": "static",
	"message": "A request that matches no other row goes to the on-device model",
}

# A cloud destination whose recent answers (their 95th percentile) took longer than the request's latency
# budget is not used for it; the on-device model is never left out for its speed, as it is what answers
# instead. A destination with no recent answers has no p95 (0, or absent in older facts) and is tried again.
# The same rule as policies/routing/latency.drl.
latency_excluded_rule := {
	"rule": "routing.latency-excluded",
	"message": "A cloud destination whose recent answers took longer (95th percentile) than the request's latency budget is not used",
}

latency_excluded contains destination.id if {
	request.max_latency_ms > 0
	some destination in input.destinations
	destination.kind == "cloud"
	object.get(destination, "observed_p95_ms", 0) > request.max_latency_ms
}

# Every row by id, and the latency rule, read by Tollgate when it loads the pack and by the tests.
rules := {row.rule: {"basis": basis, "message": row.message} |
	some row in [
		public_on_device, faq_short, classify_extract, tight_latency, budget_exhausted, summarize, translate,
		faq_long, summarize_translate_long, classify_extract_long, complex_task, long_input, draft_write,
		fallback, latency_excluded_rule,
	]
}

latency_reasons := [{"rule": latency_excluded_rule.rule, "basis": basis, "message": latency_excluded_rule.message} |
	count(latency_excluded) > 0
]

# A row may refuse the tasks that need a cloud it does not route to (the table's "Refuse these tasks" column).
default deny := false

deny if request.task_type in object.get(hit, "deny_tasks", set())

verdict := {
	"deny": deny,
	"denied_by": [hit.rule | deny],
	"forbidden": sort(latency_excluded),
	"obligations": [],
	"route": {
		"destination": hit.destination, "strategy": hit.strategy,
		"escalate_below": object.get(hit, "escalate_below", null), "rule": hit.rule,
		"consistency": object.get(hit, "consistency", null),
	},
	"reasons": array.concat([{"rule": hit.rule, "basis": basis, "message": hit.message}], latency_reasons),
}
