module ors-events/roundtrip

go 1.19
