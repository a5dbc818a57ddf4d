Feature: Transfers of personal data outside the EEA (GDPR Chapter V)
  A controller established in the EU is bound by Chapter V whatever the country of the person the data is
  about; a controller established elsewhere is bound when that person is in the EEA. The country the
  application declares for the person can only add this duty, never lift it. Outside the EEA and the
  countries with an adequacy decision, personal data goes only to a destination under standard contractual
  clauses, or to a US organisation certified under the EU-US Data Privacy Framework.

  The travel insurer is established in France and its tenant has no residency pin; the shop assistant is
  run by a retailer established in the United States. Both, and their destinations in China and the US,
  are listed in features/registry.yaml.

  Scenario: An EU insurer cannot send a US customer's personal data to China without SCCs
    Given a request from the travel insurer
    And the task is "reasoning"
    And the data subject is in the United States
    And the text says "My email is jonas.weber@example.com. Explain step by step how my deductible is calculated."
    When the application asks for a decision
    Then the request is allowed
    And the destination "cloud-cn" is not permitted
    And the destination "cloud-us" is not permitted
    And the rule "residency.eea-transfer" is among the reasons
    And a reason cites "GDPR Art. 3(1)"

  Scenario: The same transfer to China under standard contractual clauses is permitted
    Given a request from the travel insurer
    And the task is "reasoning"
    And the data subject is in the United States
    And the text says "My email is jonas.weber@example.com. Explain step by step how my deductible is calculated."
    When the application asks for a decision
    Then the destination "cloud-cn-scc" is permitted

  Scenario: A US organisation certified under the Data Privacy Framework may receive the data
    Given a request from the travel insurer
    And the task is "reasoning"
    And the data subject is in Germany
    And the text says "My email is jonas.weber@example.com. Explain step by step how my deductible is calculated."
    When the application asks for a decision
    Then the destination "cloud-us-dpf" is permitted
    And the destination "cloud-us" is not permitted

  Scenario: A controller outside the EU is bound when the person is in the EEA
    Given a request from the shop assistant
    And the task is "reasoning"
    And the data subject is in Germany
    And the text says "My email is jonas.weber@example.com. Explain step by step how the return policy works."
    When the application asks for a decision
    Then the request is allowed
    And the destination "cloud-cn" is not permitted
    And the destination "cloud-us" is not permitted
    And the rule "residency.eea-transfer" is among the reasons

  Scenario: A controller outside the EU serving a person outside the EEA is not bound by Chapter V
    Given a request from the shop assistant
    And the task is "reasoning"
    And the data subject is in the United States
    And the text says "My email is jonas.weber@example.com. Explain step by step how the return policy works."
    When the application asks for a decision
    Then the destination "cloud-cn" is permitted
