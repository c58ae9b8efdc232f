-- One database per service: services share no database (their Flyway histories must not mix).
CREATE DATABASE certification;
CREATE DATABASE registration;
CREATE DATABASE eligibility;
