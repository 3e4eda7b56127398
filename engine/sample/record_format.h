// Record format: turns the simulated world's values into export records as
// one delivery writes them — dates in the delivery's date style, enums as
// their codes, assessment items as columns or as <item> elements. Shared by
// the generator and the fault planter so a faulty record differs from a valid
// one only in the planted field.
#pragma once

#include "config/config.h"
#include "sample/export_writer.h"
#include "sample/simulation.h"

namespace casus {

ExportRecord format_case(const SampleCase& sample_case, const SamplePerson& person,
                         const CaseSnapshot& snapshot, const Dialect& dialect);
// `item_elements`: XML only — write items as <item code score source> children.
ExportRecord format_assessment(const SampleAssessment& assessment, const Framework& framework,
                               const Dialect& dialect, bool item_elements);
ExportRecord format_intervention(const SampleIntervention& intervention,
                                 const InterventionState& state, const Dialect& dialect);
// `case_id` and `domain`: the code of the observation's case and life domain.
ExportRecord format_observation(const SampleObservation& observation, const std::string& case_id,
                                const std::string& domain, const Dialect& dialect);
ExportRecord format_event(const SampleEvent& event, const Dialect& dialect);

}  // namespace casus
