Feature: The compliance table: which data may go where
  Health data about a person stays on the device; a health question about no one in particular may go to a
  cloud model. Confidential business information stays on the device unless the application's registry entry
  approves a cloud for it. Finance and health data about a person (regulated industries) prefer the on-device
  model; a cloud receives them only where the registry entry approves it, and then masked.

  Scenario: Health data about a person stays on the device
    Given a request from the claims assistant
    And the task is "reasoning"
    And the data subject is in Germany
    And the text says "I was diagnosed with type 2 diabetes last year. Explain step by step whether my insulin is covered."
    When the application asks for a decision
    Then it is routed to the on-device model
    And the rule "gdpr.art9.local-only" is among the reasons

  Scenario: Eine Diagnose über die eigene Person bleibt auf dem Gerät
    Given a request from the claims assistant
    And the task is "reasoning"
    And the data subject is in Germany
    And the text says "Mein Asthma wird seit Jahren behandelt. Erkläre Schritt für Schritt, ob die Therapie erstattet wird."
    When the application asks for a decision
    Then it is routed to the on-device model
    And the rule "gdpr.art9.local-only" is among the reasons

  Scenario: A general health question may go to a cloud model
    Given a request from the claims assistant
    And the task is "reasoning"
    And the data subject is in Germany
    And the text says "What are the common symptoms of influenza?"
    When the application asks for a decision
    Then the request is allowed
    And it is routed to "cloud-eu"
    And the rule "gdpr.art9.local-only" is not among the reasons

  Scenario: Una domanda generale sulla salute può andare al cloud
    Given a request from the claims assistant
    And the task is "reasoning"
    And the data subject is in Italy
    And the text says "Quali sono i sintomi comuni dell'influenza?"
    When the application asks for a decision
    Then it is routed to "cloud-eu"

  Scenario: The acquisition plan stays on the device
    Given a request from the claims assistant
    And the task is "reasoning"
    And the data subject is in Germany
    And the text says "Internal only: the board plans the unannounced acquisition of Northwind Logistics for 40 million. Assess the risks step by step."
    When the application asks for a decision
    Then it is routed to the on-device model
    And the destination "cloud-eu" is not permitted
    And the rule "confidentiality.business-information" is among the reasons

  Scenario: Ein streng vertraulicher Übernahmeplan bleibt auf dem Gerät
    Given a request from the claims assistant
    And the task is "reasoning"
    And the data subject is in Germany
    And the text says "Streng vertraulich: Der Vorstand prüft ein Übernahmeangebot für die Nordbahn AG. Bewerte die Risiken."
    When the application asks for a decision
    Then it is routed to the on-device model
    And the rule "confidentiality.business-information" is among the reasons

  Scenario: A password written into a request stays on the device
    Given a request from the claims assistant
    And the task is "reasoning"
    And the data subject is in Germany
    And the text says "The admin password is Winter2026! - explain step by step why the login to the claims portal fails."
    When the application asks for a decision
    Then it is routed to the on-device model
    And the rule "confidentiality.business-information" is among the reasons

  Scenario: An approved cloud receives the acquisition plan
    Given a request from the bank assistant
    And the task is "reasoning"
    And the data subject is in Germany
    And the text says "Internal only: the board plans the unannounced acquisition of Northwind Logistics for 40 million. Assess the risks step by step."
    When the application asks for a decision
    Then it is routed to "cloud-eu"
    And the destination "cloud-us" is not permitted

  Scenario: The customer's arrears with an IBAN stay on the device
    Given a request from the claims assistant
    And the task is "reasoning"
    And the data subject is in Germany
    And the text says "The customer with IBAN DE89 3704 0044 0532 0130 00 has missed three repayments on her loan. Explain step by step what the bank can do."
    When the application asks for a decision
    Then it is routed to the on-device model
    And the destination "cloud-eu" is not permitted
    And the rule "confidentiality.regulated-industry" is among the reasons

  Scenario: An approved cloud receives the customer's arrears masked
    Given a request from the bank assistant
    And the task is "reasoning"
    And the data subject is in Germany
    And the text says "The customer with IBAN DE89 3704 0044 0532 0130 00 has missed three repayments on her loan. Explain step by step what the bank can do."
    When the application asks for a decision
    Then it is routed to "cloud-eu"
    And the obligations include masking "IBAN_CODE"
    And the destination "cloud-us" is not permitted

  Scenario: A question about mortgages in general may go to a cloud model
    Given a request from the claims assistant
    And the task is "reasoning"
    And the data subject is in Germany
    And the text says "Explain step by step how a fixed-rate mortgage differs from a variable-rate one."
    When the application asks for a decision
    Then it is routed to "cloud-eu"

  Scenario: A client that declares its text confidential keeps it on the device
    Given a request from the claims assistant
    And the task is "reasoning"
    And the data subject is in Germany
    And the client declares the category "confidential_business"
    And the text says "Explain step by step how the deductible of a household policy is calculated."
    When the application asks for a decision
    Then it is routed to the on-device model
    And the rule "confidentiality.business-information" is among the reasons
