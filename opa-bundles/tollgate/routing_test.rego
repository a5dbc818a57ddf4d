package tollgate.routing_test

import data.tollgate.routing
import data.tollgate.testing

route_as(role, task, tokens, latency) := v if {
	v := routing.verdict with input as testing.facts(
		{"role": role, "task_type": task, "token_count": tokens, "max_latency_ms": latency},
		"DE", {}, testing.catalog,
	)
}

route(task, tokens, latency) := route_as("staff", task, tokens, latency)

# The row that fired and its route without the rule id, which test_the_route_names_the_row_that_chose_it checks.
hit(task, tokens, latency) := [route(task, tokens, latency).reasons[0].rule, object.remove(route(task, tokens, latency).route, ["rule"])]

rule_of(task, tokens, latency) := route(task, tokens, latency).reasons[0].rule

slm_static := {"destination": "slm-local", "strategy": "static", "escalate_below": null, "consistency": null}

cloud_static := {"destination": "cloud-eu", "strategy": "static", "escalate_below": null, "consistency": null}

test_public_stays_on_device_whatever_the_task if {
	v := route_as("public", "reasoning", 5000, 0)
	[v.reasons[0].rule, v.route] == ["routing.public-on-device", object.union(slm_static, {"rule": "routing.public-on-device"})]
	route_as("public", "faq", 300, 0).reasons[0].rule == "routing.public-on-device"
}

test_staff_take_the_table if {
	route_as("staff", "reasoning", 100, 0).reasons[0].rule == "routing.complex-task"
	route_as("staff", "faq", 300, 0).reasons[0].rule == "routing.faq-long"
}

test_short_faq if hit("faq", 256, 0) == ["routing.faq-short", slm_static]

test_long_faq_goes_to_the_cloud if hit("faq", 257, 0) == ["routing.faq-long", cloud_static]

test_classify_and_extract if {
	hit("classify", 1024, 0) == ["routing.classify-extract", slm_static]
	rule_of("extract", 10, 0) == "routing.classify-extract"
}

test_long_classify_and_extract_go_to_the_cloud if {
	hit("extract", 1025, 0) == ["routing.classify-extract-long", cloud_static]
	rule_of("classify", 3000, 0) == "routing.classify-extract-long"
}

test_tight_latency if {
	hit("reasoning", 100, 300) == ["routing.tight-latency", slm_static]
	rule_of("reasoning", 100, 301) == "routing.complex-task"
	rule_of("faq", 500, 300) == "routing.tight-latency"
}

spent(task, tokens) := v if {
	v := routing.verdict with input as testing.facts(
		{"role": "staff", "task_type": task, "token_count": tokens, "max_latency_ms": 0, "cloud_budget_exhausted": true},
		"DE", {}, testing.catalog,
	)
}

test_a_spent_budget_keeps_cloud_routes_on_device if {
	[spent("reasoning", 100).reasons[0].rule, object.remove(spent("reasoning", 100).route, ["rule"])] == ["routing.budget-exhausted", slm_static]
	spent("summarize", 100).reasons[0].rule == "routing.budget-exhausted"
	spent("faq", 300).reasons[0].rule == "routing.budget-exhausted"
	spent("faq", 10).reasons[0].rule == "routing.faq-short"
	not spent("reasoning", 100).deny
}

test_a_spent_budget_refuses_a_task_that_needs_the_cloud if {
	spent("code", 100).deny
	spent("code", 100).denied_by == ["routing.budget-exhausted"]
	not routing.verdict.deny with input as testing.facts(
		{"role": "staff", "task_type": "code", "token_count": 100, "max_latency_ms": 0},
		"DE", {}, testing.catalog,
	)
}

test_earlier_row_wins_over_tight_latency if rule_of("faq", 10, 100) == "routing.faq-short"

test_summarize_cascades_below_its_own_threshold if {
	hit("summarize", 512, 0) == ["routing.summarize", {"destination": "slm-local", "strategy": "cascade", "escalate_below": 0.55, "consistency": null}]
}

test_translate_cascades_below_a_higher_threshold if {
	hit("translate", 512, 0) == ["routing.translate", {"destination": "slm-local", "strategy": "cascade", "escalate_below": 0.65, "consistency": {"samples": 3, "escalate_below": 0.4}}]
}

test_long_summaries_and_translations_go_to_the_cloud if {
	hit("summarize", 513, 0) == ["routing.summarize-translate-long", cloud_static]
	rule_of("translate", 700, 0) == "routing.summarize-translate-long"
}

test_complex_task if {
	hit("code", 5000, 0) == ["routing.complex-task", cloud_static]
	rule_of("plan", 1, 0) == "routing.complex-task"
}

test_long_input if {
	hit("chat", 2049, 0) == ["routing.long-input", cloud_static]
	rule_of("chat", 2048, 0) == "routing.fallback"
}

test_draft_and_write if {
	hit("draft", 2048, 0) == ["routing.draft-write", {"destination": "slm-local", "strategy": "draft_verify", "escalate_below": null, "consistency": null}]
	rule_of("write", 3000, 0) == "routing.long-input"
}

test_fallback if {
	v := route("chat", 100, 0)
	v == {
		"deny": false, "denied_by": [], "forbidden": [], "obligations": [],
		"route": object.union(slm_static, {"rule": "routing.fallback"}),
		"reasons": [{
			"rule": "routing.fallback", "basis": "Tollgate routing policy (cost/latency)",
			"message": "A request that matches no other row goes to the on-device model",
		}],
	}
}

test_the_route_names_the_row_that_chose_it if {
	every task in ["faq", "summarize", "translate", "reasoning", "draft", "chat", "classify"] {
		v := route(task, 100, 0)
		v.route.rule == v.reasons[0].rule
	}
	route("faq", 3000, 0).route.rule == "routing.faq-long"
}

test_every_row_has_an_id_and_message if {
	count(routing.rules) == 15
	every id, rule in routing.rules {
		startswith(id, "routing.")
		rule.basis != ""
		rule.message != ""
	}
}

with_p95(destinations, p95s) := [object.union(d, {"observed_p95_ms": object.get(p95s, d.id, 0)}) | some d in destinations]

route_observed(latency, p95s) := v if {
	v := routing.verdict with input as testing.facts(
		{"role": "staff", "task_type": "reasoning", "token_count": 100, "max_latency_ms": latency},
		"DE", {}, with_p95(testing.catalog, p95s),
	)
}

test_a_cloud_slower_than_the_budget_is_excluded if {
	v := route_observed(1500, {"cloud-eu": 3000, "cloud-us": 900, "slm-local": 4000})
	v.forbidden == ["cloud-eu"]
	v.reasons[1].rule == "routing.latency-excluded"
	v.route.destination == "cloud-eu"
}

test_no_budget_or_no_observation_excludes_nothing if {
	route_observed(0, {"cloud-eu": 3000}).forbidden == []
	route_observed(1500, {}).forbidden == []
	count(route_observed(1500, {}).reasons) == 1
	route_observed(3000, {"cloud-eu": 3000}).forbidden == []
}
