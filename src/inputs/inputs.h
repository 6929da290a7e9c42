#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/source.h"
#include "core/unit.h"
#include "inputs/diagnostics.h"

namespace zorgcap {

struct Parameter {
  std::string key;
  std::string label;
  Unit unit = Unit::factor;
  double min = 0;
  double max = 0;
  bool ranged = false;    // given as min/max rather than one value
  std::string source;     // source id
  std::string note;
  std::string file;       // where it was defined (the last file that set it)
  Location where;
};

// Everything one scenario's model run reads, validated: every parameter the model needs is
// present, in its domain, with a known unit and a resolvable source.
struct Inputs {
  std::string scenario;
  std::string title;
  std::string peildatum;
  std::map<std::string, Parameter, std::less<>> parameters;
  std::map<std::string, Source, std::less<>> sources;
  std::vector<std::string> files;  // the input files read, in reading order
};

}  // namespace zorgcap
