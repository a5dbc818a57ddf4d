Feature: EU AI Act pack
  Prohibited AI practices are refused, high-risk use cases get human oversight and record keeping and only
  approved destinations, and people are told when they interact with an AI system.

  Scenario: Emotion recognition at work is prohibited
    Given a request from the emotion monitor
    And the task is "classify"
    And the text says "Rate how motivated the team members sounded in today's stand-up call."
    When the application asks for a decision
    Then the request is denied
    And a reason cites "EU AI Act Art. 5"

  Scenario: A prohibited task is refused for any application
    Given a request from the claims assistant
    And the task is "social_scoring"
    And the text says "Rank the policy holders of the district by trustworthiness."
    When the application asks for a decision
    Then the request is denied
    And the rule "ai-act.art5.prohibited-task" is among the reasons

  Scenario: Credit scoring is high-risk: human oversight, record keeping, approved destinations only
    Given a request from the credit advisor
    And the task is "reasoning"
    And the data subject is in Germany
    And the text says "Assess step by step whether a monthly instalment of 450 euros is affordable for an income of 2,900 euros."
    When the application asks for a decision
    Then the request is allowed
    And it is routed to the on-device model
    And the obligations include "human_oversight"
    And the obligations include "record_keeping"
    And a reason cites "EU AI Act Art. 14"

  Scenario: People are told they interact with an AI system
    Given a request from the claims assistant
    And the task is "faq"
    And the text says "What are your opening hours?"
    When the application asks for a decision
    Then the request is allowed
    And the obligations include "disclose_ai_interaction"
    And a reason cites "EU AI Act Art. 50"
