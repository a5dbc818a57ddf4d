package tollgate.ai_act_test

import data.tollgate.ai_act
import data.tollgate.testing

test_ordinary_request_is_disclosed_only if {
	v := ai_act.verdict with input as testing.plain
	v == {
		"deny": false, "forbidden": [], "route": null,
		"obligations": [{"type": "disclose_ai_interaction", "entities": [], "applies_to": null}],
		"reasons": [{"rule": "ai-act.art50.disclosure", "basis": "EU AI Act Art. 50(1)", "message": "The person is told that they are interacting with an AI system"}],
	}
}

test_prohibited_use_case_is_denied if {
	v := ai_act.verdict with input as testing.facts({"ai_act_use_case": "social_scoring"}, "DE", {}, testing.catalog)
	v.deny
	testing.rule_ids(v) == {"ai-act.art5.prohibited-use-case"}
	v.obligations == []
}

test_prohibited_task_is_denied if {
	v := ai_act.verdict with input as testing.facts({"task_type": "emotion_recognition_workplace"}, "DE", {}, testing.catalog)
	v.deny
	testing.rule_ids(v) == {"ai-act.art5.prohibited-task"}
}

test_high_risk_use_case_needs_oversight_records_and_approved_models if {
	v := ai_act.verdict with input as testing.facts({"ai_act_use_case": "credit_scoring"}, "DE", {}, testing.catalog)
	not v.deny
	v.forbidden == ["cloud-eu", "cloud-us"]
	[o.type | some o in v.obligations] == ["disclose_ai_interaction", "human_oversight", "record_keeping"]
	testing.rule_ids(v) == {
		"ai-act.annex3.approved-destinations", "ai-act.annex3.human-oversight",
		"ai-act.annex3.record-keeping", "ai-act.art50.disclosure",
	}
}

test_high_risk_with_only_approved_models_forbids_nothing if {
	v := ai_act.verdict with input as testing.facts({"ai_act_use_case": "recruitment"}, "DE", {}, [testing.slm_local])
	v.forbidden == []
	not "ai-act.annex3.approved-destinations" in testing.rule_ids(v)
}

test_every_rule_has_basis_and_message if {
	every id, rule in ai_act.rules {
		startswith(id, "ai-act.")
		rule.basis != ""
		rule.message != ""
	}
}

with_practices(practices) := object.union(testing.plain, {"content": {"prohibited_practices": practices, "derived_task_type": "chat"}})

test_practice_recognised_in_content_is_denied_under_its_point if {
	points := {
		"subliminal_manipulation": "EU AI Act Art. 5(1)(a)",
		"exploitation_of_vulnerabilities": "EU AI Act Art. 5(1)(b)",
		"social_scoring": "EU AI Act Art. 5(1)(c)",
		"predictive_policing_profiling": "EU AI Act Art. 5(1)(d)",
		"untargeted_facial_scraping": "EU AI Act Art. 5(1)(e)",
		"emotion_recognition_workplace": "EU AI Act Art. 5(1)(f)",
		"emotion_recognition_education": "EU AI Act Art. 5(1)(f)",
		"biometric_categorisation_sensitive": "EU AI Act Art. 5(1)(g)",
		"realtime_remote_biometric_identification": "EU AI Act Art. 5(1)(h)",
	}
	every practice, basis in points {
		v := ai_act.verdict with input as with_practices([practice])
		v.deny
		v.obligations == []
		[r.basis | some r in v.reasons] == [basis]
	}
}

test_two_practices_name_both_points if {
	v := ai_act.verdict with input as with_practices(["social_scoring", "predictive_policing_profiling"])
	v.deny
	testing.rule_ids(v) == {"ai-act.art5-1c.social-scoring", "ai-act.art5-1d.crime-prediction-by-profiling"}
}

test_content_without_practice_is_disclosed_only if {
	v := ai_act.verdict with input as with_practices([])
	not v.deny
	testing.rule_ids(v) == {"ai-act.art50.disclosure"}
}

test_facts_logged_before_content_was_classified_recognise_nothing if {
	not "content" in object.keys(testing.plain)
	v := ai_act.verdict with input as testing.plain
	not v.deny
}
