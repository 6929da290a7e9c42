# One static library per layer of the pipeline (docs/ARCHITECTURE.md "Layers"):
#   core ← inputs ← model ← document ← writers ← cli
# A layer compiles with an include folder of its own (build/layers/NAME) that holds links to its
# own source folder and to those of the layers it USES, and nothing else. So an include against
# the pipeline's direction, such as "model/…" from inputs/ or "inputs/…" from writers/, fails to
# build with "No such file or directory" instead of quietly compiling.
#
#   zorgcap_layer(NAME USES lower layers… SOURCES files in src/NAME/… LIBS libraries…)
function(zorgcap_layer name)
  cmake_parse_arguments(PARSE_ARGV 1 L "" "" "USES;SOURCES;LIBS")
  set(include_dir ${CMAKE_BINARY_DIR}/layers/${name})
  file(REMOVE_RECURSE ${include_dir})
  file(MAKE_DIRECTORY ${include_dir})
  foreach(dir IN LISTS name L_USES)
    file(CREATE_LINK ${CMAKE_SOURCE_DIR}/src/${dir} ${include_dir}/${dir} SYMBOLIC)
  endforeach()
  set(sources)
  foreach(file IN LISTS L_SOURCES)
    if(IS_ABSOLUTE ${file})
      list(APPEND sources ${file})
    else()
      list(APPEND sources ${CMAKE_SOURCE_DIR}/src/${name}/${file})
    endif()
  endforeach()
  add_library(zorgcap_${name} STATIC ${sources})
  target_include_directories(zorgcap_${name} PRIVATE ${include_dir})
  set(deps)
  foreach(dir IN LISTS L_USES)
    list(APPEND deps zorgcap_${dir})
  endforeach()
  target_link_libraries(zorgcap_${name} PUBLIC ${deps} ${L_LIBS})
  set(ZORGCAP_LAYER_INCLUDE_${name} ${include_dir} PARENT_SCOPE)
  set_property(GLOBAL APPEND PROPERTY ZORGCAP_LAYER_SOURCES ${sources})
endfunction()

# Every src/<layer>/*.cpp must be in its layer's list (EXCEPT: files built on their own, such as
# cli/main.cpp): a file left out would otherwise surface only as an undefined reference at link time.
function(zorgcap_check_layer_sources)
  cmake_parse_arguments(PARSE_ARGV 0 L "" "" "EXCEPT")
  get_property(listed GLOBAL PROPERTY ZORGCAP_LAYER_SOURCES)
  file(GLOB present CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/*/*.cpp)
  foreach(file IN LISTS present)
    file(RELATIVE_PATH rel ${CMAKE_SOURCE_DIR}/src ${file})
    if(NOT file IN_LIST listed AND NOT rel IN_LIST L_EXCEPT)
      message(FATAL_ERROR "src/${rel} is in no layer: add it to its zorgcap_layer(...) list in CMakeLists.txt")
    endif()
  endforeach()
endfunction()

# A probe: a file that includes a header its layer may not see must fail to compile, and one that
# includes an allowed header must compile. `ctest -R Layers` builds each probe target.
function(zorgcap_layer_probe layer file expect)
  get_filename_component(probe ${file} NAME_WE)
  add_library(zorgcap_probe_${probe} OBJECT EXCLUDE_FROM_ALL ${file})
  target_include_directories(zorgcap_probe_${probe} PRIVATE ${ZORGCAP_LAYER_INCLUDE_${layer}})
  add_test(NAME Layers.${probe}
           COMMAND ${CMAKE_COMMAND} --build ${CMAKE_BINARY_DIR} --target zorgcap_probe_${probe})
  set_tests_properties(Layers.${probe} PROPERTIES RESOURCE_LOCK zorgcap_build_tree)
  if(expect STREQUAL "FAILS")
    set_tests_properties(Layers.${probe} PROPERTIES PASS_REGULAR_EXPRESSION "No such file or directory")
  endif()
endfunction()
