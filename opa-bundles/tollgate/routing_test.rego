package tollgate.routing_test

import data.tollgate.routing
import data.tollgate.testing

route(task, tokens, latency) := v if {
	v := routing.verdict with input as testing.facts(
		{"task_type": task, "token_count": tokens, "max_latency_ms": latency},
		"DE", {}, testing.catalog,
	)
}

hit(task, tokens, latency) := [route(task, tokens, latency).reasons[0].rule, route(task, tokens, latency).route]

rule_of(task, tokens, latency) := route(task, tokens, latency).reasons[0].rule

test_short_faq if hit("faq", 256, 0) == ["routing.faq-short", {"destination": "slm-local", "strategy": "static", "escalate_below": null}]

test_long_faq_falls_through if rule_of("faq", 257, 0) == "routing.fallback"

test_classify_and_extract if {
	hit("classify", 1024, 0) == ["routing.classify-extract", {"destination": "slm-local", "strategy": "static", "escalate_below": null}]
	rule_of("extract", 10, 0) == "routing.classify-extract"
	rule_of("extract", 1025, 0) == "routing.fallback"
}

test_tight_latency if {
	hit("reasoning", 100, 300) == ["routing.tight-latency", {"destination": "slm-local", "strategy": "static", "escalate_below": null}]
	rule_of("reasoning", 100, 301) == "routing.complex-task"
}

test_earlier_row_wins_over_tight_latency if rule_of("faq", 10, 100) == "routing.faq-short"

test_summarize_cascades_below_its_own_threshold if {
	hit("summarize", 512, 0) == ["routing.summarize", {"destination": "slm-local", "strategy": "cascade", "escalate_below": 0.55}]
	rule_of("summarize", 513, 0) == "routing.fallback"
}

test_translate_cascades_below_a_higher_threshold if {
	hit("translate", 512, 0) == ["routing.translate", {"destination": "slm-local", "strategy": "cascade", "escalate_below": 0.65}]
	rule_of("translate", 513, 0) == "routing.fallback"
}

test_complex_task if {
	hit("code", 5000, 0) == ["routing.complex-task", {"destination": "cloud-eu", "strategy": "static", "escalate_below": null}]
	rule_of("plan", 1, 0) == "routing.complex-task"
}

test_long_input if {
	hit("summarize", 2049, 0) == ["routing.long-input", {"destination": "cloud-eu", "strategy": "static", "escalate_below": null}]
	rule_of("summarize", 2048, 0) == "routing.fallback"
}

test_draft_and_write if {
	hit("draft", 2048, 0) == ["routing.draft-write", {"destination": "slm-local", "strategy": "draft_verify", "escalate_below": null}]
	rule_of("write", 3000, 0) == "routing.long-input"
}

test_fallback if {
	v := route("chat", 100, 0)
	v == {
		"deny": false, "forbidden": [], "obligations": [],
		"route": {"destination": "slm-local", "strategy": "static", "escalate_below": null},
		"reasons": [{
			"rule": "routing.fallback", "basis": "Tollgate routing policy (cost/latency)",
			"message": "A request that matches no other row goes to the on-device model",
		}],
	}
}

test_every_row_has_an_id_and_message if {
	count(routing.rules) == 9
	every id, rule in routing.rules {
		startswith(id, "routing.")
		rule.basis != ""
		rule.message != ""
	}
}
